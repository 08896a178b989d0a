package org.fieldscore.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fieldscore.pde.diffusion.DiffusionMethod;
import org.fieldscore.pde.fokkerplanck.FluxScheme;
import org.fieldscore.pde.fokkerplanck.FokkerPlanckMethod;
import org.fieldscore.pde.fokkerplanck.Wall;
import org.fieldscore.pde.physics.PhysicsPreset;
import org.junit.jupiter.api.Test;

/**
 * The solvers' named choices are looked up one way: every key finds its constant, and an unknown key is refused
 * with one message, {@code unknown <what> '<key>'; valid: <every key>}.
 */
class NamedMethodsTest {

    private static <E extends Enum<E>> void roundTrips(Class<E> type, Function<E, String> key,
            Function<String, E> byName, String what) {
        for (E constant : type.getEnumConstants()) {
            assertSame(constant, byName.apply(key.apply(constant)), key.apply(constant));
        }
        String valid = Arrays.stream(type.getEnumConstants()).map(key).collect(Collectors.joining(", "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> byName.apply("nonsense"));
        assertEquals("unknown " + what + " 'nonsense'; valid: " + valid, e.getMessage());
    }

    @Test
    void everyNamedChoiceRoundTripsAndRefusesAnUnknownKeyAlike() {
        roundTrips(FluxScheme.class, FluxScheme::key, FluxScheme::byName, "flux scheme");
        roundTrips(Wall.class, Wall::key, Wall::byName, "wall");
        roundTrips(FokkerPlanckMethod.class, FokkerPlanckMethod::key, FokkerPlanckMethod::byName,
                "Fokker–Planck method");
        roundTrips(DiffusionMethod.class, DiffusionMethod::key, DiffusionMethod::byName, "diffusion method");
        roundTrips(PhysicsPreset.class, PhysicsPreset::key, PhysicsPreset::byName, "physics preset");
    }
}
