package org.tipx.api.drill;

/**
 * What a drill kills with SIGKILL. tipx's embedded store may run as a child process (an embedded
 * PostgreSQL server does), so both faults matter: the JVM alone dying (a crash, the OOM killer) leaves
 * its children running into the restart; the whole tree dying (power loss, a container stopped hard)
 * does not.
 */
enum KillScope {
    /** {@code Process.destroyForcibly()} on the server only; its descendants survive until the trial ends. */
    SERVER_ONLY("server"),
    /** The server and every descendant, the descendants first so none outlives its parent by much. */
    PROCESS_TREE("tree");

    private final String label;

    KillScope(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
