package org.ronghe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void aPasswordNeedsEightCharactersFromThreeClasses() {
        assertThat(PasswordPolicy.accepts("Abcdefg1")).isTrue();
        assertThat(PasswordPolicy.accepts("abc#1234")).isTrue();
        assertThat(PasswordPolicy.accepts("Ab#1")).isFalse();
        assertThat(PasswordPolicy.accepts("abcdefgh")).isFalse();
        assertThat(PasswordPolicy.accepts("abcd1234")).isFalse();
        assertThat(PasswordPolicy.accepts(null)).isFalse();
    }

    @Test
    void everyBrokenRuleIsNamedInChinese() {
        assertThat(PasswordPolicy.violations("abc")).hasSize(2).allMatch(m -> m.startsWith("密码"));
    }

    @Test
    void generatedPasswordsAlwaysMeetThePolicy() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(PasswordPolicy.accepts(Passwords.generate(random))).isTrue();
        }
    }
}
