package org.boxoffice.admin;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.boxoffice.platform.boundary.Page;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table over a boundary method that answers pages ({@link Page}): the table asks for rows
 * {@code first..first+pageSize}, the boundary for page {@code first / pageSize}.
 */
class PageModel<T> extends LazyDataModel<T> {
  private static final long serialVersionUID = 1L;

  /** A boundary call answering one page; serializable, as the view-scoped bean holding it is. */
  interface Loader<T> extends Serializable {
    Page<T> load(int page, int size);
  }

  /** The key of a row, serializable for the same reason. */
  interface Key<T> extends Function<T, Object>, Serializable {}

  private final Loader<T> loader;
  private final Key<T> key;

  PageModel(Loader<T> loader, Key<T> key) {
    this.loader = loader;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, loader.load(0, 1).total());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return loader.load(first / pageSize, pageSize).items();
  }

  @Override
  public String getRowKey(T row) {
    return String.valueOf(key.apply(row));
  }
}
