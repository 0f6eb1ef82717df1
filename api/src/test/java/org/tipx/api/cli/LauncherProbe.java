package org.tipx.api.cli;

/** The main class of the small jar {@link LauncherTest} runs through {@code ./tipx}: says which Java ran it. */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("feature=" + Runtime.version().feature() + " args=" + String.join(" ", args));
    }
}
