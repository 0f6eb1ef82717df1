package org.tipx.api.drill;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One trial of a drill.
 *
 * @param killDelay    from the start of the request (or launch) to the kill; for the after-acknowledgement
 *                     kill points, from the acknowledgement
 * @param answer       what the trial's upload or release got: {@code 201} (acknowledged), another status,
 *                     {@code no answer} (cut off by the kill), {@code no answer in N s}; {@code -} at start-up
 * @param unanswered   the server hung: no answer within {@link DrillHttp#ANSWER_LIMIT}
 * @param restart      time from relaunch to {@code /health} 200; empty when it did not come within the limit
 * @param sizeBytes    the drill store's size after the trial
 * @param descendants  child processes the server had when it was killed
 */
record TrialResult(int trial, KillPoint killPoint, KillScope scope, Duration killDelay, String answer,
                   boolean unanswered, Optional<Duration> restart, CheckFindings findings, long sizeBytes, int descendants) {
    TrialResult {
        Objects.requireNonNull(killPoint, "killPoint");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(killDelay, "killDelay");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(findings, "findings");
    }

    /** Whether the trial's upload (a 201) or release (its job seen {@code succeeded}) was acknowledged before the kill. */
    boolean acknowledged() {
        return answer.equals("201") || answer.equals("succeeded");
    }
}
