-- Event images (feature media). One current image per event, named by the SHA-256 of the uploaded
-- bytes; its renditions are objects in the image store under events/<event>/<hash>/<name>.<ext>.
CREATE TABLE event_images (
    event_id      BIGINT       NOT NULL PRIMARY KEY,
    content_hash  VARCHAR(64)  NOT NULL,
    content_type  VARCHAR(20)  NOT NULL,
    renditions    VARCHAR(200) NOT NULL,
    uploaded_by   BIGINT       NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Objects to delete from the store: the old renditions of a replaced or deleted image (due at
-- once), and the new ones of an upload in flight (due after a grace period, removed from here when
-- the upload commits), so a crash between the store and the database leaves no orphan. The sweep
-- leases due rows with FOR UPDATE SKIP LOCKED, deletes the objects, then the rows.
CREATE TABLE stale_image_objects (
    object_key   VARCHAR(300) NOT NULL PRIMARY KEY,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    leased_until TIMESTAMP WITH TIME ZONE
);
CREATE INDEX stale_image_objects_due_idx ON stale_image_objects (due_at);
