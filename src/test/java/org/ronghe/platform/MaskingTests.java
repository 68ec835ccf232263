package org.ronghe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void aPhoneKeepsItsPrefixAndLastFourDigits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("020-81234567")).isEqualTo("020*****4567");
    }

    @Test
    void anIdNumberKeepsItsAreaAndLastFourCharacters() {
        assertThat(Masking.idNumber("44010319800101123X")).isEqualTo("440103********123X");
    }

    @Test
    void shortOrMissingValuesRevealNothing() {
        assertThat(Masking.phone("12345")).isEqualTo("*****");
        assertThat(Masking.idNumber(null)).isNull();
    }
}
