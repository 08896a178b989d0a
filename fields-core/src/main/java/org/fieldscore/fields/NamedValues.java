package org.fieldscore.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one lookup of an enum constant by the key it is written with in scenario files and API calls (a method, a
 * scheme, a wall, a preset), with the one message for a key that names none: {@code unknown <what> '<key>'; valid:
 * <key>, <key>, …}, the keys in declaration order.
 */
public final class NamedValues {

    private NamedValues() {
    }

    /**
     * @param <E> the enum
     * @param type the enum's class
     * @param key the key as given (matched exactly)
     * @param keyOf each constant's key
     * @param what what the constants are, for the message, e.g. {@code flux scheme}
     * @return the constant whose key is {@code key}
     * @throws IllegalArgumentException naming the key and listing the valid ones when none matches
     */
    public static <E extends Enum<E>> E byKey(Class<E> type, String key, Function<E, String> keyOf, String what) {
        Objects.requireNonNull(keyOf, "keyOf");
        List<String> valid = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String k = keyOf.apply(constant);
            if (k.equals(key)) {
                return constant;
            }
            valid.add(k);
        }
        throw new IllegalArgumentException("unknown " + what + " '" + key + "'; valid: " + String.join(", ", valid));
    }
}
