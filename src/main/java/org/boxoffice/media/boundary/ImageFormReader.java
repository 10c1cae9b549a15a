package org.boxoffice.media.boundary;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.boxoffice.platform.control.BodyTooLargeException;
import org.boxoffice.platform.entity.DomainException;

/**
 * A multipart form the parser cannot read (no boundary, a broken header) is the client's mistake:
 * 400 on the field {@code image}, not the 500 the parser's {@link IOException} would give. A body
 * over the size limit stays a 413.
 */
@Provider
@ImageFormReader.Guarded
public class ImageFormReader implements ReaderInterceptor {

  /** Marks the resource methods whose multipart body this guards. */
  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  public @interface Guarded {}

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (context.getMediaType().getParameters().get("boundary") == null) {
      throw unreadable("its Content-Type names no boundary");
    }
    try {
      return context.proceed();
    } catch (BodyTooLargeException tooLarge) {
      throw tooLarge;
    } catch (IOException | RuntimeException unreadable) {
      throw unreadable("the body is not a readable multipart form");
    }
  }

  private static DomainException unreadable(String why) {
    return DomainException.invalid("image", "cannot be read: " + why);
  }
}
