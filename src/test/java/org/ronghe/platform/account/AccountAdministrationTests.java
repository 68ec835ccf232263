package org.ronghe.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** Administrators keep the accounts; every account is anchored to a real place in the tree. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=accounts")
class AccountAdministrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JsonMapper json;

    @Test
    void theWorkCommitteeOpensAnAccountForTheSecretaryOfAnotherOrgan() throws Exception {
        assertThat(create("committee", Map.of("username", "sec-jg002", "displayName", "JG002 书记", "role", "ORGAN_SECRETARY",
                "scopeCode", "JG002", "password", "Start#Pass1")).getResponse().getStatus()).isEqualTo(201);
        assertThat(api.signInStatus("sec-jg002", "Start#Pass1")).as("the initial password opens nothing yet").isEqualTo(403);
        assertThat(api.changePassword("sec-jg002", "Start#Pass1", "Mine#Pass22")).isEqualTo(204);
        assertThat(api.signInAs("sec-jg002", "Mine#Pass22")).isNotBlank();
        assertThat(api.get("sec-jg002", "/api/v1/directory/organs").codes()).containsExactly("JG002");
        assertThat(api.get("committee", "/api/v1/audit?action=ACCOUNT_CREATED&key=sec-jg002").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void anAccountAnchoredNowhereOrWithAWeakPasswordIsRefusedWithEveryReason() throws Exception {
        MvcResult result = create("committee", Map.of("username", "Bad Name", "displayName", "x", "role", "STREET_STAFF",
                "scopeCode", "NO-SUCH-STREET", "password", "weak"));
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains("用户名须为").contains("数据范围编码不存在：街道工作人员须对应已有的街道编码").contains("密码长度至少为 8 位");
    }

    @Test
    void onlyTheSystemAdministratorCreatesAdministrators() throws Exception {
        var request = Map.of("username", "second-admin", "displayName", "管理员二", "role", "COMMITTEE_ADMIN",
                "password", "Admin#Two22");
        assertThat(create("committee", request).getResponse().getStatus()).isEqualTo(403);
        assertThat(create("admin", request).getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void aSecretaryCannotSeeOrManageAccounts() throws Exception {
        assertThat(api.get("secretary", "/api/v1/accounts").status()).isEqualTo(403);
        assertThat(create("secretary", Map.of("username", "x-by-sec", "displayName", "x", "role", "MEMBER",
                "scopeCode", "DY000001", "password", "Start#Pass1")).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aLockedAccountIsUnlockedByAnAdministrator() throws Exception {
        create("committee", Map.of("username", "lock-me", "displayName", "锁定", "role", "COMMUNITY_STAFF",
                "scopeCode", "440103001001", "password", "Start#Pass1"));
        for (int i = 0; i < 5; i++) {
            api.signInStatus("lock-me", "Wrong#Pass1");
        }
        assertThat(api.signInStatus("lock-me", "Start#Pass1")).isEqualTo(401);
        assertThat(api.get("committee", "/api/v1/accounts?q=lock-me").json().get("items").get(0).get("lockedUntil").isNull()).isFalse();
        assertThat(action("committee", "lock-me", "unlock")).isEqualTo(204);
        assertThat(api.changePassword("lock-me", "Start#Pass1", "Mine#Pass22")).isEqualTo(204);
    }

    @Test
    void aDisabledAccountCanNeitherSignInNorUseItsToken() throws Exception {
        create("committee", Map.of("username", "leaving", "displayName", "调离人员", "role", "STREET_STAFF",
                "scopeCode", "440103002", "password", "Start#Pass1"));
        api.changePassword("leaving", "Start#Pass1", "Mine#Pass22");
        String token = api.issue("leaving", "Mine#Pass22");
        assertThat(action("committee", "leaving", "disable")).isEqualTo(204);
        assertThat(api.signInStatus("leaving", "Mine#Pass22")).isEqualTo(401);
        MvcResult withOldToken = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/figures").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(withOldToken.getResponse().getStatus()).isEqualTo(401);
        assertThat(action("committee", "leaving", "enable")).isEqualTo(204);
        assertThat(api.signInStatus("leaving", "Mine#Pass22")).isEqualTo(201);
    }

    @Test
    void aResetPasswordMustMeetThePolicy() throws Exception {
        create("committee", Map.of("username", "forgetful", "displayName", "忘记密码", "role", "STREET_STAFF",
                "scopeCode", "440103001", "password", "Start#Pass1"));
        assertThat(reset("forgetful", "short")).isEqualTo(400);
        assertThat(reset("forgetful", "Fresh#Pass2")).isEqualTo(204);
        assertThat(api.signInStatus("forgetful", "Fresh#Pass2")).as("a reset password is changed first").isEqualTo(403);
        assertThat(api.changePassword("forgetful", "Fresh#Pass2", "Mine#Pass22")).isEqualTo(204);
        assertThat(api.signInStatus("forgetful", "Mine#Pass22")).isEqualTo(201);
    }

    private MvcResult create(String by, Map<String, String> account) throws Exception {
        return mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(by))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(account))).andReturn();
    }

    private int action(String by, String username, String action) throws Exception {
        return mvc.perform(post("/api/v1/accounts/" + username + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(by))).andReturn().getResponse().getStatus();
    }

    private int reset(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/accounts/" + username + "/password")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("committee"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("password", password))))
                .andReturn().getResponse().getStatus();
    }
}
