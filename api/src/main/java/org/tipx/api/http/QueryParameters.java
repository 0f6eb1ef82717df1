package org.tipx.api.http;

import io.helidon.common.uri.UriQuery;
import java.util.List;
import java.util.regex.Pattern;

/** Checks shared by the operations that read their query themselves. */
final class QueryParameters {

    /**
     * What a parameter's name looks like in this API. Only such a name is sent back in {@code parameter}: the
     * name of a parameter the operation does not define is the client's text, and anything else in its place
     * (a value pasted into the name, a long string) is not echoed.
     */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private QueryParameters() {
    }

    /**
     * Refuses a parameter the operation does not define (a misspelt name must not be silently ignored) and
     * one given twice.
     */
    static void refuseUnknownOrRepeated(UriQuery query, List<String> defined) {
        for (String name : query.names()) {
            if (!defined.contains(name)) {
                ProblemException unknown = ProblemException.badRequest("Unknown query parameter"
                        + (NAME.matcher(name).matches() ? " " + name : "") + ": this operation takes "
                        + String.join(", ", defined) + ".");
                throw NAME.matcher(name).matches() ? unknown.about(name) : unknown;
            }
            if (query.all(name).size() > 1) {
                throw ProblemException.badRequest("Parameter " + name + " is given more than once; "
                        + "give it once (a comma list where it takes several values).").about(name);
            }
        }
    }
}
