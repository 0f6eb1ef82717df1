package org.tipx.api.store;

/**
 * An extract write was refused at its commit because the agency's token changed (rotated or revoked) since
 * the write began: whoever held the old token no longer speaks for the agency. Nothing of the write is stored.
 */
public final class TokenWithdrawnException extends StoreException {

    public TokenWithdrawnException(String agencyId) {
        super("the token of agency '" + agencyId + "' was rotated or revoked during the upload; nothing stored");
    }
}
