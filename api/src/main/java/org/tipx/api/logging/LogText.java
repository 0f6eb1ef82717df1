package org.tipx.api.logging;

import java.util.Locale;

/**
 * Text made safe for a log line: every control character (C0, DEL, C1) and the Unicode line and paragraph
 * separators are written as escapes. A client-chosen path with {@code %0a} then cannot start a forged line.
 * The backslash itself is left alone so that escaping twice (at the source and in {@link LogPrivacy}) changes
 * nothing; a literal {@code \n} sent by a client reads like an escaped line feed, but stays on its line.
 * Stateless.
 */
public final class LogText {

    private LogText() {
    }

    /**
     * {@code text} on one line: line feed, carriage return and tab as {@code \n}, {@code \r}, {@code \t}, the other
     * control characters as a backslash, {@code u} and four hex digits.
     */
    public static String oneLine(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    ? String.format(Locale.ROOT, "\\u%04x", (int) c)
                    : null;
        };
    }
}
