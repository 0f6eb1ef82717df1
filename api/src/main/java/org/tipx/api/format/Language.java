package org.tipx.api.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages tipx publishes labels in, each with its message files in
 * {@code datasets/labels/}. English is the default: it is the language of the code lists.
 */
public enum Language {
    /** English, the default. */
    EN("en"),
    /** Russian. */
    RU("ru"),
    /** Ukrainian. */
    UK("uk");

    /** The language of an answer that asks for none. */
    public static final Language DEFAULT = EN;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as in {@code lang=} and {@code Content-Language}, e.g. {@code ru}. */
    public String tag() {
        return tag;
    }

    /** The locale for case mapping in this language. */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language with this tag (exactly, lower case), if tipx publishes it. */
    public static Optional<Language> byTag(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst();
    }

    /** Every tag, in this enum's order, e.g. for a refusal that lists them. */
    public static List<String> tags() {
        return Arrays.stream(values()).map(Language::tag).toList();
    }
}
