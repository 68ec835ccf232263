package org.ronghe.directory.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumbersTests {

    @Test
    void aValidNumberCarriesItsBirthDateAndGender() {
        String first17 = "44010319800101123";
        String id = first17 + IdNumbers.checkCharacter(first17);
        assertThat(IdNumbers.problem(id)).isEmpty();
        assertThat(IdNumbers.birthDate(id)).contains(LocalDate.of(1980, 1, 1));
        assertThat(IdNumbers.male(id)).isTrue();
    }

    @Test
    void theKnownSampleNumberHasCheckCharacterX() {
        // The sample number from GB 11643-1999.
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void aWrongCheckCharacterABadDateAndAWrongLengthAreNamed() {
        String first17 = "44010319800101123";
        char wrong = IdNumbers.checkCharacter(first17) == '1' ? '2' : '1';
        assertThat(IdNumbers.problem(first17 + wrong)).contains("校验位不正确");
        assertThat(IdNumbers.problem("440103198013011231")).contains("出生日期部分无效");
        assertThat(IdNumbers.problem("4401031980")).contains("应为 18 位（末位可为 X）");
    }
}
