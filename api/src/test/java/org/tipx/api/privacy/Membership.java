package org.tipx.api.privacy;

import java.util.List;
import java.util.Map;

/**
 * Which targets were uploaded: the truth the attacks are scored against and that no attack may read
 * before it has guessed. Immutable.
 */
final class Membership {

    private final Map<Integer, Boolean> present;

    Membership(Map<Integer, Boolean> present) {
        this.present = Map.copyOf(present);
    }

    boolean present(int target) {
        Boolean p = present.get(target);
        if (p == null) {
            throw new IllegalArgumentException("no target " + target);
        }
        return p;
    }

    long presentAmong(List<KnownTarget> targets) {
        return targets.stream().filter(t -> present(t.id())).count();
    }
}
