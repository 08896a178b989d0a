package org.fieldscore.runner.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void distanceCountsEditsAndAdjacentTranspositions() {
        assertEquals(0, Suggestions.distance("grid", "grid"));
        assertEquals(1, Suggestions.distance("gird", "grid"), "one transposition");
        assertEquals(1, Suggestions.distance("unitz", "units"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(4, Suggestions.distance("", "abcd"));
    }

    @Test
    void suggestsTheClosestNameOnlyWhenItIsClose() {
        List<String> keys = List.of("grid", "expression", "units");
        assertEquals("expression", Suggestions.closest("expresion", keys));
        assertEquals("grid", Suggestions.closest("Grid", keys), "case does not count");
        assertNull(Suggestions.closest("temperature", keys));
        assertNull(Suggestions.closest("z", List.of("t", "x", "y")), "no arbitrary guess for one letter");
        assertEquals(" Did you mean 'units'?", Suggestions.didYouMean("unitz", keys));
        assertEquals("", Suggestions.didYouMean("colour", keys));
    }

    @Test
    void listsNamesInProse() {
        assertEquals("a, b or c", Suggestions.listing(List.of("a", "b", "c")));
        assertEquals("a", Suggestions.listing(List.of("a")));
    }
}
