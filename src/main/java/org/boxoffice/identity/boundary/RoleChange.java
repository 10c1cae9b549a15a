package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code PUT /users/{id}/role}. */
public record RoleChange(
    @NotNull
        @Pattern(
            regexp = "ATTENDEE|ORGANIZER|ADMIN",
            message = "must be ATTENDEE, ORGANIZER or ADMIN")
        String role) {}
