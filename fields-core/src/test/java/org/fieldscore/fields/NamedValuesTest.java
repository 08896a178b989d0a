package org.fieldscore.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one lookup of an enum constant by its key, and its one message for a key that names none. */
class NamedValuesTest {

    private enum Colour {
        DEEP_RED("deep-red"), BLUE("blue"), GREEN("green");

        private final String key;

        Colour(String key) {
            this.key = key;
        }
    }

    @Test
    void everyKeyFindsItsConstant() {
        for (Colour c : Colour.values()) {
            assertSame(c, NamedValues.byKey(Colour.class, c.key, k -> k.key, "colour"));
        }
    }

    @Test
    void anUnknownKeyIsNamedWithTheValidKeysInDeclarationOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NamedValues.byKey(Colour.class, "purple", k -> k.key, "colour"));
        assertEquals("unknown colour 'purple'; valid: deep-red, blue, green", e.getMessage());
    }

    @Test
    void keysMatchExactly() {
        assertThrows(IllegalArgumentException.class, () -> NamedValues.byKey(Colour.class, "Blue", k -> k.key, "c"));
        assertThrows(IllegalArgumentException.class, () -> NamedValues.byKey(Colour.class, "DEEP_RED", k -> k.key,
                "c"));
        assertThrows(IllegalArgumentException.class, () -> NamedValues.byKey(Colour.class, null, k -> k.key, "c"));
    }
}
