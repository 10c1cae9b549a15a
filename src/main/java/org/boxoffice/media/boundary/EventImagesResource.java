package org.boxoffice.media.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.boxoffice.events.boundary.EventImageView;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.boundary.ApiException;
import org.boxoffice.platform.boundary.ErrorCodes;
import org.boxoffice.platform.control.PlatformSettings;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An event's image: its organizer uploads or deletes it; anyone fetches its renditions. */
@Path("events/{id}/image")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event images")
public class EventImagesResource {
  @Inject EventImages images;
  @Inject Caller caller;
  @Inject @ConfigProperties PlatformSettings platform;

  private static final String IMAGE_PART = "image";

  /** Uploads (or replaces) the event's image; its type is read from the bytes. */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @PUT
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed("ORGANIZER")
  @Operation(
      operationId = "putEventImage",
      summary = "Upload or replace the event's image (JPEG, PNG or WebP, as the request body)")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/webp",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/octet-stream",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @SecurityRequirement(name = "bearer")
  @APIResponse(
      responseCode = "200",
      description =
          "The event's image with one URL per rendition (the same image again: as it was)")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no body")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(
      responseCode = "409",
      description = "EVENT_NOT_EDITABLE: the event is cancelled or completed")
  @APIResponse(
      responseCode = "413",
      description = "PAYLOAD_TOO_LARGE: over BOXOFFICE_IMAGE_MAX_BYTES (5 MiB by default)")
  @APIResponse(
      responseCode = "422",
      description =
          "IMAGE_TYPE_UNSUPPORTED (not JPEG, PNG or WebP: SVG among others), IMAGE_UNREADABLE"
              + " (truncated or corrupt), IMAGE_DIMENSIONS_TOO_LARGE (too many pixels)")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description =
          "IMAGE_STORE_UNAVAILABLE (the store does not answer) or IMAGE_PROCESSING_BUSY, with"
              + " Retry-After")
  public EventImageView upload(@PathParam("id") long id, InputStream body) {
    return images.upload(id, caller.userId(), read(body));
  }

  /**
   * The same upload as an HTML form sends it: {@code multipart/form-data} with the image in the
   * part named {@code image}. The part's declared type and file name are ignored like the body's.
   */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @PUT
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @ImageFormReader.Guarded
  @RolesAllowed("ORGANIZER")
  @Operation(
      operationId = "putEventImageForm",
      summary = "Upload or replace the event's image (as the part 'image' of a multipart form)")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = ImageForm.class)))
  @SecurityRequirement(name = "bearer")
  @APIResponse(
      responseCode = "200",
      description =
          "The event's image with one URL per rendition (the same image again: as it was)")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: the body is not a readable multipart form, or has no part 'image'"
              + " or more than one (field 'image')")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(
      responseCode = "409",
      description = "EVENT_NOT_EDITABLE: the event is cancelled or completed")
  @APIResponse(
      responseCode = "413",
      description =
          "PAYLOAD_TOO_LARGE: the image over BOXOFFICE_IMAGE_MAX_BYTES (5 MiB by default)")
  @APIResponse(
      responseCode = "422",
      description =
          "IMAGE_TYPE_UNSUPPORTED, IMAGE_UNREADABLE or IMAGE_DIMENSIONS_TOO_LARGE, as for the raw"
              + " body")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description = "IMAGE_STORE_UNAVAILABLE or IMAGE_PROCESSING_BUSY, with Retry-After")
  public EventImageView uploadForm(@PathParam("id") long id, List<EntityPart> parts) {
    List<EntityPart> images =
        parts == null
            ? List.of()
            : parts.stream().filter(part -> IMAGE_PART.equals(part.getName())).toList();
    if (images.size() != 1) {
      throw DomainException.invalid(
          IMAGE_PART,
          images.isEmpty()
              ? "is required: send the image as the form part 'image'"
              : "is sent more than once: send one part 'image'");
    }
    return this.images.upload(id, caller.userId(), read(images.get(0).getContent()));
  }

  /** The multipart form's shape, for the OpenAPI document. */
  @Schema(name = "ImageForm", requiredProperties = "image")
  public static final class ImageForm {
    @Schema(
        type = SchemaType.STRING,
        format = "binary",
        description = "The image: JPEG, PNG or WebP, told from its bytes")
    public String image;
  }

  /** Deletes the event's image and its renditions. */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @DELETE
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "deleteEventImage", summary = "Delete the event's image")
  @SecurityRequirement(name = "bearer")
  @APIResponse(responseCode = "204", description = "The image and its renditions are gone")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description =
          "EVENT_NOT_FOUND (not one of the caller's events) or IMAGE_NOT_FOUND (it has none)")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response delete(@PathParam("id") long id) {
    images.delete(id, caller.userId());
    return Response.noContent().build();
  }

  /**
   * One rendition of the image; its URL names the image's content hash, so it is cached for a year.
   * With {@code BOXOFFICE_IMAGE_PRESIGNED=true} on S3, a redirect to a presigned URL.
   */
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @Path("{hash: [0-9a-f]{64}}/{rendition: large|medium|small}")
  @PermitAll
  @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
  @Operation(operationId = "getEventImage", summary = "One rendition of the event's image")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description = "The rendition, with a long Cache-Control and an ETag",
      content = {
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "302", description = "Presigned URL of the rendition in the store")
  @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
  @APIResponse(
      responseCode = "404",
      description = "IMAGE_NOT_FOUND: not the event's current image, or no such rendition")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(responseCode = "503", description = "IMAGE_STORE_UNAVAILABLE, with Retry-After")
  public Response rendition(
      @PathParam("id") long id,
      @PathParam("hash") String hash,
      @PathParam("rendition") String rendition,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    EventImages.Served served = images.rendition(id, hash, rendition);
    if (served.redirect() != null) {
      return Response.status(Response.Status.FOUND)
          .location(served.redirect())
          .header("Cache-Control", "private, max-age=60")
          .build();
    }
    if (ifNoneMatch != null && ifNoneMatch.contains(served.etag())) {
      return Response.notModified()
          .header("ETag", served.etag())
          .header("Cache-Control", EventImages.IMMUTABLE)
          .build();
    }
    return Response.ok(served.bytes(), served.contentType())
        .header("ETag", served.etag())
        .header("Cache-Control", EventImages.IMMUTABLE)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * The body, at most the upload limit (the size filter stops longer ones before they get here).
   */
  private byte[] read(InputStream body) {
    try {
      byte[] bytes =
          body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, platform.imageMaxBytes + 1));
      if (bytes.length > platform.imageMaxBytes) {
        throw new ApiException(
            413,
            ErrorCodes.PAYLOAD_TOO_LARGE,
            "The image is larger than " + platform.imageMaxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
