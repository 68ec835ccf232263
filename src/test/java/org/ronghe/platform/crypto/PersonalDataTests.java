package org.ronghe.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.platform.PersonalData;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Phone and ID numbers are sealed with SM4 in the database, open for the people allowed to see them
 * and masked for the others, as before; values from before encryption and values under an old key
 * are sealed again with the current key.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=personaldata")
// Its own schema and pool: closed after the class, so the PostgreSQL pass holds fewer connections at once
@DirtiesContext
class PersonalDataTests {

    static final String TEST_KEY = "1:000102030405060708090a0b0c0d0e0f";
    static final String NEW_KEY = "2:f0e1d2c3b4a5968778695a4b3c2d1e0f";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;
    @Autowired
    PersonalData personal;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @Test
    void noPhoneOrIdNumberIsStoredInPlainText() {
        new CallsClient(context).raise("community", "MUNICIPAL", "路灯不亮");
        assertThat(stored("SELECT id_number FROM member WHERE id_number IS NOT NULL")).isNotEmpty().allMatch(PersonalDataTests::sealed);
        assertThat(stored("SELECT phone FROM member WHERE phone IS NOT NULL")).isNotEmpty().allMatch(PersonalDataTests::sealed);
        assertThat(stored("SELECT phone FROM leader WHERE phone IS NOT NULL")).isNotEmpty().allMatch(PersonalDataTests::sealed);
        assertThat(stored("SELECT contact_phone FROM call WHERE contact_phone IS NOT NULL")).isNotEmpty()
                .allMatch(PersonalDataTests::sealed);
        assertThat(stored("SELECT id_number_index FROM member WHERE id_number IS NOT NULL")).allMatch(i -> i.matches("[0-9a-f]{64}"));
    }

    @Test
    void theCommitteeSeesTheFullNumbersAndTheStreetSeesThemMasked() {
        String sealed = jdbc.sql("SELECT phone FROM member WHERE code = 'DY000001'").query(String.class).single();
        String phone = personal.open(PersonalData.MEMBER_PHONE, sealed);
        assertThat(phone).matches("1\\d{10}");
        assertThat(api.get("committee", "/api/v1/directory/members/DY000001").json().get("phone").asString()).isEqualTo(phone);
        assertThat(api.get("member", "/api/v1/directory/members/DY000001").json().get("phone").asString()).isEqualTo(phone);
        String street = api.get("street", "/api/v1/directory/members?size=1").json().get("items").get(0).get("phone").asString();
        assertThat(street).contains("****").doesNotStartWith("sm4gcm");
    }

    @Test
    void equalNumbersSealDifferentlyAndASealedValueOpensOnlyInItsOwnColumn() {
        String a = personal.seal(PersonalData.MEMBER_PHONE, "13800138000");
        String b = personal.seal(PersonalData.MEMBER_PHONE, "13800138000");
        assertThat(a).isNotEqualTo(b).startsWith("sm4gcm:1:");
        assertThat(personal.open(PersonalData.MEMBER_PHONE, a)).isEqualTo("13800138000");
        assertThatThrownBy(() -> personal.open(PersonalData.LEADER_PHONE, a)).isInstanceOf(IllegalStateException.class);
        char last = a.charAt(a.length() - 1);
        String changed = a.substring(0, a.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> personal.open(PersonalData.MEMBER_PHONE, changed)).isInstanceOf(IllegalStateException.class);
        assertThat(personal.index("11010519491231002x")).isEqualTo(personal.index(" 11010519491231002X"));
    }

    @Test
    void plainNumbersFromBeforeAreSealedByTheResealStep() throws Exception {
        jdbc.sql("UPDATE leader SET phone = '13912345678' WHERE code = (SELECT MIN(code) FROM leader)").update();
        long sealedAgain;
        try (Connection connection = dataSource.getConnection()) {
            sealedAgain = Reseal.run(connection, personal, keys(TEST_KEY));
        }
        assertThat(sealedAgain).isEqualTo(1);
        String stored = jdbc.sql("SELECT phone FROM leader WHERE code = (SELECT MIN(code) FROM leader)").query(String.class).single();
        assertThat(stored).startsWith("sm4gcm:1:");
        assertThat(personal.open(PersonalData.LEADER_PHONE, stored)).isEqualTo("13912345678");
    }

    @Test
    void aNewKeyTakesOverEveryValueAndTheOldKeyStillOpensUntilThen() throws Exception {
        String before = jdbc.sql("SELECT id_number FROM member WHERE code = 'DY000001'").query(String.class).single();
        String idNumber = personal.open(PersonalData.MEMBER_ID_NUMBER, before);
        DataKeys rotated = keys(NEW_KEY + "," + TEST_KEY);
        PersonalData next = new PersonalData(rotated);
        assertThat(next.open(PersonalData.MEMBER_ID_NUMBER, before)).isEqualTo(idNumber);
        assertThat(next.indexes(idNumber)).contains(personal.index(idNumber));
        try (Connection connection = dataSource.getConnection()) {
            assertThat(Reseal.run(connection, next, rotated)).isPositive();
            assertThat(stored("SELECT id_number FROM member WHERE id_number IS NOT NULL")).allMatch(v -> v.startsWith("sm4gcm:2:"));
            String after = jdbc.sql("SELECT id_number FROM member WHERE code = 'DY000001'").query(String.class).single();
            assertThat(next.open(PersonalData.MEMBER_ID_NUMBER, after)).isEqualTo(idNumber);
            assertThat(jdbc.sql("SELECT id_number_index FROM member WHERE code = 'DY000001'").query(String.class).single())
                    .isEqualTo(next.index(idNumber));
        } finally {
            DataKeys back = keys(TEST_KEY + "," + NEW_KEY);
            try (Connection connection = dataSource.getConnection()) {
                Reseal.run(connection, new PersonalData(back), back);
            }
        }
        assertThat(stored("SELECT id_number FROM member WHERE id_number IS NOT NULL")).allMatch(v -> v.startsWith("sm4gcm:1:"));
    }

    @Test
    void aNodeStartedWithAnotherKeyRefusesToStart() {
        assertThatThrownBy(() -> new DataKeyCheck(jdbc, keys("1:ffffffffffffffffffffffffffffffff")).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RONGHE_DATA_KEY");
        new DataKeyCheck(jdbc, keys(TEST_KEY)).afterPropertiesSet();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = 'data-key-check.1'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aKeyMustBe128BitsOfHex() {
        assertThatThrownBy(() -> keys("1:abcd")).hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> keys("1:zz0102030405060708090a0b0c0d0e0f")).hasMessageContaining("not hexadecimal");
        assertThatThrownBy(() -> keys(TEST_KEY + "," + TEST_KEY)).hasMessageContaining("distinct");
        assertThat(keys("000102030405060708090a0b0c0d0e0f").currentId()).isEqualTo(1);
        assertThat(keys(NEW_KEY + "," + TEST_KEY).ids()).isEqualTo(List.of(2, 1));
    }

    private static DataKeys keys(String spec) {
        return DataKeys.of(spec);
    }

    private List<String> stored(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    private static boolean sealed(String value) {
        return value.startsWith("sm4gcm:1:") && !value.matches(".*\\d{11}.*");
    }

}
