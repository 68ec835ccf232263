package org.ronghe.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who a person is in the platform. The role decides what they may do; the scope code of their
 * account decides where in the tree they may do it.
 */
public enum Role {

    /** Runs the installation: accounts, audit, operations. Sees the whole tree, personal data masked. */
    SYSTEM_ADMIN("系统管理员"),
    /** The district organs work committee: owns the directory and sees everything. */
    COMMITTEE_ADMIN("区直机关工委"),
    /** Secretary of one organ: that organ's subtree and its paired communities. Scope code: organ code. */
    ORGAN_SECRETARY("机关党组书记"),
    /** A party member: their own record, their branch and their residential community. Scope code: member code. */
    MEMBER("党员"),
    /** Staff of one street. Scope code: street code. */
    STREET_STAFF("街道工作人员"),
    /** Staff of one community. Scope code: community code. */
    COMMUNITY_STAFF("社区工作人员"),
    /** A district leader: the streets they liaise with. Scope code: leader code. */
    LEADER("区领导");

    private static final Set<Role> WHOLE_TREE = EnumSet.of(SYSTEM_ADMIN, COMMITTEE_ADMIN);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name of the role. */
    public String label() {
        return label;
    }

    public boolean seesWholeTree() {
        return WHOLE_TREE.contains(this);
    }

    /** Those who maintain the directory, import data and read the audit log. */
    public boolean administers() {
        return WHOLE_TREE.contains(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
