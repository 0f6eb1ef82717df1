package org.tipx.api.drill;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One trial of a drill.
 *
 * @param killDelay    from the start of the request (or launch) to the kill; for the after-acknowledgement
 *                     kill points, from the acknowledgement
 * @param acknowledged whether the trial's upload or release was acknowledged before the kill
 * @param restart      time from relaunch to {@code /health} 200; empty when it did not come within the limit
 * @param sizeBytes    the drill store's size after the trial
 * @param descendants  child processes the server had when it was killed
 */
record TrialResult(int trial, KillPoint killPoint, KillScope scope, Duration killDelay, boolean acknowledged,
                   Optional<Duration> restart, CheckFindings findings, long sizeBytes, int descendants) {
    TrialResult {
        Objects.requireNonNull(killPoint, "killPoint");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(killDelay, "killDelay");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(findings, "findings");
    }
}
