package org.tipx.api.release;

import java.util.Objects;
import java.util.Optional;

/**
 * Who reads a release, which decides what of it they see ({@link ManifestJson#view}) and whether they may have
 * its microdata: anyone ({@link #ANONYMOUS}), a registered agency (by its token), or the administrator.
 *
 * @param role     the reader's kind
 * @param agencyId the agency's id when {@code role} is {@link Role#AGENCY}, else empty
 */
public record ReleaseReader(Role role, Optional<String> agencyId) {

    /** The kinds of reader, from the one who sees least. */
    public enum Role {
        /** No token: the public view, no microdata. */
        ANONYMOUS,
        /** An agency token: the public view, the agency's own extracts in full, and the microdata. */
        AGENCY,
        /** The admin token: everything, as stored. */
        ADMIN
    }

    public static final ReleaseReader ANONYMOUS = new ReleaseReader(Role.ANONYMOUS, Optional.empty());
    public static final ReleaseReader ADMIN = new ReleaseReader(Role.ADMIN, Optional.empty());

    public ReleaseReader {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agencyId, "agencyId");
        if (agencyId.isPresent() != (role == Role.AGENCY)) {
            throw new IllegalArgumentException("an agency id goes with the AGENCY role and no other, was " + role);
        }
    }

    /** The agency with this id. */
    public static ReleaseReader agency(String agencyId) {
        return new ReleaseReader(Role.AGENCY, Optional.of(agencyId));
    }

    /**
     * Whether this reader may have a release's microdata: registered users only (agencies and the
     * administrator). Its counts are exact within their generalisation, so handing it to everyone would
     * undo the perturbation of the public statistics; an agency holds its own records anyway.
     */
    public boolean mayReadMicrodata() {
        return role != Role.ANONYMOUS;
    }

    /** True for the anonymous reader, whose answers are the same for everyone (and may be cached by anyone). */
    public boolean anonymous() {
        return role == Role.ANONYMOUS;
    }
}
