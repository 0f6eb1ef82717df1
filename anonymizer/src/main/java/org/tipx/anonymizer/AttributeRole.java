package org.tipx.anonymizer;

/**
 * The role of a column, in ARX's vocabulary.
 *
 * <ul>
 *   <li>{@link #IDENTIFYING}: a direct identifier; removed from the output.</li>
 *   <li>{@link #QUASI_IDENTIFYING}: linkable to outside knowledge; generalised along its hierarchy or suppressed.</li>
 *   <li>{@link #SENSITIVE}: protected by an l-diversity model; published unchanged.</li>
 *   <li>{@link #INSENSITIVE}: published unchanged.</li>
 * </ul>
 */
public enum AttributeRole {
    IDENTIFYING,
    QUASI_IDENTIFYING,
    SENSITIVE,
    INSENSITIVE
}
