package org.ronghe.directory.demo;

import java.util.List;

import org.ronghe.platform.Accounts;
import org.ronghe.platform.Role;

/**
 * One sign-in account per role, each tied to a named place in the demo district, so a visitor
 * can see the platform as each kind of user sees it. They exist only when the demo is seeded.
 */
final class DemoAccounts {

    static final List<String> USERNAMES = List.of("committee", "secretary", "member", "street", "community", "leader");

    private DemoAccounts() {
    }

    /** @param source configured (RONGHE_DEMO_PASSWORD) or initial (generated: changed at the first sign-in) */
    static void create(Accounts accounts, DemoDistrict d, String password, Accounts.PasswordSource source) {
        var organ = d.organs().get(0);
        var member = d.members().stream().filter(m -> m.organ() == 0).findFirst().orElseThrow();
        var street = d.streets().get(0);
        var community = d.communities().get(0);
        var leader = d.leaders().get(0);
        create(accounts, "committee", "区直机关工委（管理员）", Role.COMMITTEE_ADMIN, null, password, source);
        create(accounts, "secretary", organ.name() + "党组书记", Role.ORGAN_SECRETARY, organ.code(), password, source);
        create(accounts, "member", member.name() + "（" + organ.name() + "党员）", Role.MEMBER, member.code(), password, source);
        create(accounts, "street", street.name() + "工作人员", Role.STREET_STAFF, street.code(), password, source);
        create(accounts, "community", community.name() + "工作人员", Role.COMMUNITY_STAFF, community.code(), password, source);
        create(accounts, "leader", leader.name() + "（" + leader.title() + "）", Role.LEADER, leader.code(), password, source);
    }

    private static void create(Accounts accounts, String username, String displayName, Role role, String scope, String password,
                               Accounts.PasswordSource source) {
        accounts.createIfAbsent(new Accounts.NewAccount(username, displayName, role, scope, password, true, source));
    }
}
