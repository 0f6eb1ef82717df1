package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tipx.api.format.Language;

/**
 * The language of an answer's labels: {@code lang} when given (a language tipx does not publish is a
 * 400 naming {@code lang} and listing those it does), else the best of {@code Accept-Language}
 * (RFC 9110 section 12.5.4, RFC 4647 lookup: {@code ru-BY} finds {@code ru}), else English. A
 * malformed or unmatched {@code Accept-Language} falls back to English rather than failing: the
 * header is a preference, and the labels are the only thing it changes.
 */
final class LanguageNegotiation {

    /** The query parameter. */
    static final String LANG = "lang";
    /** The request header the answer varies on when {@code lang} is absent. */
    static final String ACCEPT_LANGUAGE = "Accept-Language";

    private static final List<String> TAGS = Language.tags();

    private LanguageNegotiation() {
    }

    /** The language for a {@code lang} value, if any, and an {@code Accept-Language} value, if any. */
    static Language choose(Optional<String> lang, Optional<String> acceptLanguage) {
        if (lang.isPresent()) {
            return Language.byTag(lang.get()).orElseThrow(() -> ProblemException.badRequest(
                    "lang must be one of " + String.join(", ", TAGS) + ".").about(LANG));
        }
        if (acceptLanguage.isEmpty() || acceptLanguage.get().isBlank()) {
            return Language.DEFAULT;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage.get());
            String tag = Locale.lookupTag(ranges, TAGS);
            return tag == null ? Language.DEFAULT : Language.byTag(tag.toLowerCase(Locale.ROOT)).orElse(Language.DEFAULT);
        } catch (IllegalArgumentException malformed) {
            return Language.DEFAULT;
        }
    }

    /** Names the language of the answer; called on every answer, 304 included, like the validators. */
    static void contentLanguage(ServerResponse response, Language language) {
        response.header(HeaderNames.CONTENT_LANGUAGE, language.tag());
    }
}
