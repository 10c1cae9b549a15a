/**
 * Media owns event images: their upload (the type decided from the bytes, never from a header),
 * decoding and re-encoding into renditions (which drops EXIF and GPS positions), their objects in
 * the image store (S3-compatible object storage, or a directory under the server's data dir), the
 * {@code event_images} and {@code stale_image_objects} tables, and the sweep that deletes objects
 * nobody refers to any more.
 *
 * <p>It finds out who owns an event only through the events boundary, never by reading the events
 * tables, and it never holds a database transaction (or a row lock) across a call to the store.
 */
package org.boxoffice.media;
