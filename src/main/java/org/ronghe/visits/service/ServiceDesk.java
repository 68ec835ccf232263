package org.ronghe.visits.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application service of check-ins, service items and service logs: who may take each step, where,
 * the step on the aggregate, the store and the audit entry, in one transaction. Refusals come in a fixed
 * order: the role (403), the record (404), the place (403), the input (400), the state (409).
 */
@Service
public class ServiceDesk {

    private final CheckIns checkIns;
    private final ServiceItems items;
    private final ServiceLogs logs;
    private final DataScopes dataScopes;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ServiceDesk(CheckIns checkIns, ServiceItems items, ServiceLogs logs, DataScopes dataScopes, Directory directory,
                JdbcClient jdbc, Audit audit, Clock clock, TransactionTemplate transactions) {
        this.checkIns = checkIns;
        this.items = items;
        this.logs = logs;
        this.dataScopes = dataScopes;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** @param replayed the idempotency key had been used: this is the record created the first time */
    public record Created(long id, boolean replayed) {
    }

    public record NewCheckIn(String member) {
    }

    /** @param dueOn an ISO date (2026-07-31), or none */
    public record NewItem(String community, ServiceItem.Kind kind, String title, String description, BigDecimal plannedHours,
                          String dueOn) {
    }

    public record NewLog(LocalDate date, BigDecimal hours, Long item, String note) {
    }

    /** A member as the desk needs them. */
    public record Person(long id, String code, String name, long partyOrgId, Long organId, Long communityId) {
    }

    public ServiceScope scopeOf(CurrentUser user) {
        return new ServiceScope(dataScopes.of(user));
    }

    // ---------------------------------------------------------------- check-ins

    /**
     * A member reports to their residential community; the work committee records a member's check-in,
     * confirmed at once. One active check-in per member; the same idempotency key returns the same check-in.
     */
    public Created report(CurrentUser user, NewCheckIn request, String idempotencyKey) {
        boolean committee = user.role() == Role.COMMITTEE_ADMIN;
        if (user.role() != Role.MEMBER && !committee) {
            throw new AccessDeniedException("只有党员本人或区直机关工委可以登记报到");
        }
        String key = key(idempotencyKey);
        if (key != null) {
            Optional<Long> existing = checkIns.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        String code = request == null || request.member() == null || request.member().isBlank() ? null : request.member().trim();
        Person member;
        if (committee) {
            if (code == null) {
                throw new IllegalArgumentException("请指定报到的党员编码（member）");
            }
            member = person(code);
        } else {
            member = self(user);
            if (code != null && !code.equals(member.code())) {
                throw new OutOfScopeException("党员", code);
            }
        }
        if (member.communityId() == null) {
            throw new IllegalArgumentException("党员未登记居住社区，无法报到：" + member.code());
        }
        Instant now = clock.instant();
        CheckIn checkIn = CheckIn.report(member.id(), member.communityId(), user.username(), key, now);
        if (committee) {
            checkIn.confirm(user.username(), now);
        }
        return created(() -> {
            if (checkIns.activeOf(member.id()).isPresent()) {
                throw new ConflictException("该党员已有有效的报到记录，不能重复报到", Map.of("member", member.code()));
            }
            checkIns.save(checkIn);
            audit.record(Audit.Entry.change("CHECK_IN_REPORTED", "service_checkin", String.valueOf(checkIn.id()), null,
                    checkInState(checkIn, member)));
            return checkIn.id();
        }, () -> key == null ? Optional.empty() : checkIns.idForKey(user.username(), key), "该党员已有有效的报到记录，不能重复报到");
    }

    @Transactional
    public void confirmCheckIn(CurrentUser user, long id) {
        requireCommunityRole(user, "确认报到");
        CheckIn checkIn = checkIns.byId(id).orElseThrow(() -> new NotFoundException("报到记录", String.valueOf(id)));
        requireCommunity(user, checkIn.communityId(), "报到记录", id);
        Map<String, Object> before = Map.of("state", checkIn.state().name());
        checkIn.confirm(user.username(), clock.instant());
        checkIns.save(checkIn);
        audit.record(Audit.Entry.change("CHECK_IN_CONFIRMED", "service_checkin", String.valueOf(id), before,
                Map.of("state", checkIn.state().name())));
    }

    @Transactional
    public void declineCheckIn(CurrentUser user, long id, String reason) {
        requireCommunityRole(user, "处理报到");
        CheckIn checkIn = checkIns.byId(id).orElseThrow(() -> new NotFoundException("报到记录", String.valueOf(id)));
        requireCommunity(user, checkIn.communityId(), "报到记录", id);
        Map<String, Object> before = Map.of("state", checkIn.state().name());
        checkIn.decline(reason, user.username(), clock.instant());
        checkIns.save(checkIn);
        audit.record(Audit.Entry.change("CHECK_IN_DECLINED", "service_checkin", String.valueOf(id), before,
                Map.of("state", checkIn.state().name(), "reason", checkIn.reason())));
    }

    // ---------------------------------------------------------------- service items

    /** Community staff publish an item for their community; the committee for any community it names. */
    public Created publish(CurrentUser user, NewItem request, String idempotencyKey) {
        requireCommunityRole(user, "发布服务项目");
        String key = key(idempotencyKey);
        if (key != null) {
            Optional<Long> existing = items.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        if (request == null) {
            throw new IllegalArgumentException("请填写服务项目");
        }
        long community = communityFor(user, request.community());
        ServiceItem item = ServiceItem.publish(community, new ServiceItem.Details(request.kind(), request.title(),
                request.description(), request.plannedHours(), date("截止日期", request.dueOn())), user.username(), key, clock.instant(), today());
        return created(() -> {
            items.save(item);
            audit.record(Audit.Entry.change("SERVICE_ITEM_PUBLISHED", "service_item", String.valueOf(item.id()), null,
                    Map.of("community", community, "kind", item.details().kind().name(), "title", item.details().title())));
            return item.id();
        }, () -> key == null ? Optional.empty() : items.idForKey(user.username(), key), "服务项目重复提交");
    }

    /** A member checked in (and confirmed) at the item's community claims it. */
    @Transactional
    public void claim(CurrentUser user, long id) {
        if (user.role() != Role.MEMBER) {
            throw new AccessDeniedException("只有党员可以认领服务项目");
        }
        ServiceItem item = items.byId(id).orElseThrow(() -> new NotFoundException("服务项目", String.valueOf(id)));
        Person member = self(user);
        if (member.communityId() == null || member.communityId() != item.communityId()) {
            throw new OutOfScopeException("服务项目", String.valueOf(id));
        }
        confirmedCheckIn(member, item.communityId());
        item.claim(member.id(), user.username(), clock.instant());
        items.save(item);
        audit.record(Audit.Entry.change("SERVICE_ITEM_CLAIMED", "service_item", String.valueOf(id), Map.of("state", "OPEN"),
                Map.of("state", item.state().name(), "member", member.code())));
    }

    @Transactional
    public void done(CurrentUser user, long id) {
        requireCommunityRole(user, "确认服务项目完成");
        ServiceItem item = items.byId(id).orElseThrow(() -> new NotFoundException("服务项目", String.valueOf(id)));
        requireCommunity(user, item.communityId(), "服务项目", id);
        String before = item.state().name();
        item.done(user.username(), clock.instant());
        items.save(item);
        audit.record(Audit.Entry.change("SERVICE_ITEM_DONE", "service_item", String.valueOf(id), Map.of("state", before),
                Map.of("state", item.state().name())));
    }

    @Transactional
    public void withdraw(CurrentUser user, long id, String reason) {
        requireCommunityRole(user, "撤回服务项目");
        ServiceItem item = items.byId(id).orElseThrow(() -> new NotFoundException("服务项目", String.valueOf(id)));
        requireCommunity(user, item.communityId(), "服务项目", id);
        String before = item.state().name();
        item.withdraw(reason, user.username(), clock.instant());
        items.save(item);
        audit.record(Audit.Entry.change("SERVICE_ITEM_WITHDRAWN", "service_item", String.valueOf(id), Map.of("state", before),
                Map.of("state", item.state().name(), "reason", item.reason())));
    }

    // ---------------------------------------------------------------- service logs

    /**
     * A member logs service at the community they are checked in at, optionally against an item they claimed.
     * At most 24 hours a day; the same idempotency key returns the same log.
     */
    public Created log(CurrentUser user, NewLog request, String idempotencyKey) {
        if (user.role() != Role.MEMBER) {
            throw new AccessDeniedException("只有党员本人可以登记服务时长");
        }
        String key = key(idempotencyKey);
        if (key != null) {
            Optional<Long> existing = logs.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        if (request == null) {
            throw new IllegalArgumentException("请填写服务时长");
        }
        Hours.of("服务时长", request.hours(), Hours.DAY);
        Person member = self(user);
        ServiceItem item = null;
        if (request.item() != null) {
            long itemId = request.item();
            item = items.byId(itemId).orElseThrow(() -> new NotFoundException("服务项目", String.valueOf(itemId)));
            if (member.communityId() == null || item.communityId() != member.communityId()) {
                throw new OutOfScopeException("服务项目", String.valueOf(itemId));
            }
        }
        CheckIn checkIn = member.communityId() == null ? null : confirmedCheckIn(member, member.communityId());
        if (checkIn == null) {
            throw new ConflictException("请先到居住社区报到", Map.of());
        }
        if (item != null && (item.claimedBy() == null || item.claimedBy() != member.id()
                || item.state() == ServiceItem.State.WITHDRAWN)) {
            throw new ConflictException("只能为本人认领的服务项目登记时长", Map.of("item", item.id()));
        }
        Long itemId = item == null ? null : item.id();
        LocalDate day = request.date();
        LocalDate today = today();
        if (day != null && day.isBefore(today.minusYears(1))) {
            throw new IllegalArgumentException("服务日期不能早于一年前");
        }
        return created(() -> {
            ServiceLog log = ServiceLog.log(member.id(), checkIn.communityId(), itemId, day, request.hours(), request.note(),
                    day == null ? null : logs.hoursOn(member.id(), day), user.username(), key, clock.instant(), today);
            logs.save(log);
            audit.record(Audit.Entry.change("SERVICE_LOGGED", "service_log", String.valueOf(log.id()), null,
                    Map.of("member", member.code(), "date", log.servedOn().toString(), "hours", log.hours().toPlainString())));
            return log.id();
        }, () -> key == null ? Optional.empty() : logs.idForKey(user.username(), key), "服务时长重复提交");
    }

    @Transactional
    public void confirmLog(CurrentUser user, long id, String remark) {
        requireCommunityRole(user, "确认服务时长");
        ServiceLog log = logs.byId(id).orElseThrow(() -> new NotFoundException("服务时长记录", String.valueOf(id)));
        requireCommunity(user, log.communityId(), "服务时长记录", id);
        log.confirm(remark, user.username(), clock.instant());
        logs.save(log);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", log.state().name());
        after.put("remark", log.remark());
        audit.record(Audit.Entry.change("SERVICE_LOG_CONFIRMED", "service_log", String.valueOf(id), Map.of("state", "LOGGED"), after));
    }

    @Transactional
    public void rejectLog(CurrentUser user, long id, String reason) {
        requireCommunityRole(user, "退回服务时长");
        ServiceLog log = logs.byId(id).orElseThrow(() -> new NotFoundException("服务时长记录", String.valueOf(id)));
        requireCommunity(user, log.communityId(), "服务时长记录", id);
        log.reject(reason, user.username(), clock.instant());
        logs.save(log);
        audit.record(Audit.Entry.change("SERVICE_LOG_REJECTED", "service_log", String.valueOf(id), Map.of("state", "LOGGED"),
                Map.of("state", log.state().name(), "reason", log.remark())));
    }

    // ---------------------------------------------------------------- who and where

    /** The signed-in member's own record. */
    public Person self(CurrentUser user) {
        if (user.role() != Role.MEMBER || user.scopeCode() == null) {
            throw new AccessDeniedException("当前账户不是党员账户");
        }
        return findPerson(user.scopeCode()).orElseThrow(() -> new AccessDeniedException("账户未关联党员：" + user.scopeCode()));
    }

    public Person person(String code) {
        return findPerson(code).orElseThrow(() -> new NotFoundException("党员", code));
    }

    private Optional<Person> findPerson(String code) {
        return jdbc.sql("SELECT id, code, name, party_org_id, organ_id, community_id FROM member WHERE code = :c").param("c", code)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class)))
                .optional();
    }

    private CheckIn confirmedCheckIn(Person member, long communityId) {
        CheckIn checkIn = checkIns.activeOf(member.id()).orElse(null);
        if (checkIn == null || checkIn.state() != CheckIn.State.CONFIRMED || checkIn.communityId() != communityId) {
            throw new ConflictException("尚未在该社区报到并经社区确认", Map.of("member", member.code()));
        }
        return checkIn;
    }

    private static void requireCommunityRole(CurrentUser user, String what) {
        if (user.role() != Role.COMMUNITY_STAFF && user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有社区工作人员或区直机关工委可以" + what);
        }
    }

    private void requireCommunity(CurrentUser user, long communityId, String what, long id) {
        if (user.role() != Role.COMMITTEE_ADMIN && !dataScopes.of(user).memberCommunities().contains(communityId)) {
            throw new OutOfScopeException(what, String.valueOf(id));
        }
    }

    private long communityFor(CurrentUser user, String code) {
        String given = code == null || code.isBlank() ? null : code.trim();
        if (user.role() == Role.COMMITTEE_ADMIN) {
            if (given == null) {
                throw new IllegalArgumentException("请指定社区编码（community）");
            }
            return directory.community(given).orElseThrow(() -> new NotFoundException("社区", given)).id();
        }
        String own = user.scopeCode();
        if (given != null && !given.equals(own)) {
            throw new OutOfScopeException("社区", given);
        }
        return directory.community(own == null ? "" : own).orElseThrow(() -> new AccessDeniedException("账户未关联社区")).id();
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + "格式应为“年-月-日”，例如 2026-07-31");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String key(String idempotencyKey) {
        return idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
    }

    /** Creates in a transaction of its own; the same key sent twice at once finds the record the other request made. */
    private Created created(Supplier<Long> create, Supplier<Optional<Long>> byKey, String conflict) {
        try {
            return new Created(transactions.execute(status -> create.get()), false);
        } catch (DuplicateKeyException raced) {
            return byKey.get().map(id -> new Created(id, true))
                    .orElseThrow(() -> new ConflictException(conflict, Map.of()));
        }
    }

    private static Map<String, Object> checkInState(CheckIn checkIn, Person member) {
        return Map.of("member", member.code(), "community", checkIn.communityId(), "state", checkIn.state().name());
    }
}
