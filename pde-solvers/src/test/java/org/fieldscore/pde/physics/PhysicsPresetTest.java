package org.fieldscore.pde.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.constants.PhysicalConstants;
import org.junit.jupiter.api.Test;

class PhysicsPresetTest {

    @Test
    void presetsCarryTheFieldsCoreCouplings() {
        assertEquals(-1 / PhysicalConstants.VACUUM_PERMITTIVITY, PhysicsPreset.ELECTROSTATICS_SI.coupling().value(), 1);
        assertEquals(4 * Math.PI * PhysicalConstants.GRAVITATIONAL_CONSTANT,
                PhysicsPreset.GRAVITATION_SI.coupling().value(), 1e-25);
        assertEquals(-1, PhysicsPreset.ELECTROSTATICS_NATURAL.coupling().value());
        assertEquals(4 * Math.PI, PhysicsPreset.GRAVITATION_NATURAL.coupling().value());
        // gravity's flux through a surface around a mass points inwards: −4πG M
        assertEquals(-4 * Math.PI * PhysicalConstants.GRAVITATIONAL_CONSTANT * 5,
                PhysicsPreset.GRAVITATION_SI.fluxOf(5), 1e-20);
    }

    @Test
    void presetsAreFoundByName() {
        assertSame(PhysicsPreset.GRAVITATION_NATURAL, PhysicsPreset.byName("Gravitation_Natural"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhysicsPreset.byName("magnetism"));
        assertTrue(e.getMessage().contains("electrostatics-si"), e.getMessage());
    }
}
