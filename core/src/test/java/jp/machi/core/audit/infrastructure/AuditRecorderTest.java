package jp.machi.core.audit.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.module.ModuleStartup;
import jp.machi.core.persistence.Migrations;
import org.eclipse.persistence.descriptors.RelationalDescriptor;
import org.eclipse.persistence.descriptors.SingleTableMultitenantPolicy;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.mappings.OneToManyMapping;
import org.eclipse.persistence.mappings.OneToOneMapping;
import org.eclipse.persistence.mappings.converters.EnumTypeConverter;
import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.Project;
import org.eclipse.persistence.sessions.UnitOfWork;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recorder inside a real EclipseLink commit, on an in-memory H2 database migrated with core's
 * own changelog: what a commit writes to {@code audit_event}, and that it is the same transaction.
 * Test entities are mapped with EclipseLink's native API the way the JPA metadata maps Machi's
 * (a tenant-owned owner with a version and an owned list of yearly rows).
 */
class AuditRecorderTest {

    static final String URL = "jdbc:h2:mem:audit-recorder-test;DB_CLOSE_DELAY=-1";
    static final String LG = "082201";

    /** An owner: a tenant-owned row with a version, a secret and an owned list of rows. */
    public static class Plan {
        String id;
        String name;
        BigDecimal amount;
        Direction direction;
        String passwordHash;
        long version;
        List<Target> targets = new ArrayList<>();

        Plan() {
        }

        Plan(String id, String name, BigDecimal amount) {
            this.id = id;
            this.name = name;
            this.amount = amount;
            this.direction = Direction.HIGHER_IS_BETTER;
        }

        Target add(String targetId, int fiscalYear, String value) {
            Target t = new Target(targetId, this, fiscalYear, value == null ? null : new BigDecimal(value));
            targets.add(t);
            return t;
        }
    }

    /** An owned row. */
    public static class Target {
        String id;
        Plan plan;
        Integer fiscalYear;
        BigDecimal target;

        Target() {
        }

        Target(String id, Plan plan, Integer fiscalYear, BigDecimal target) {
            this.id = id;
            this.plan = plan;
            this.fiscalYear = fiscalYear;
            this.target = target;
        }
    }

    static DatabaseSession session;
    static JdbcDataSource db;

    @BeforeAll
    static void migrateAndLogin() throws Exception {
        db = new JdbcDataSource();
        db.setURL(URL);
        try (Migrations m = Migrations.begin(db)) {
            m.apply(ModuleStartup.CORE_CHANGELOG, AuditRecorderTest.class.getClassLoader());
        }
        sql("CREATE TABLE test_plan (id VARCHAR(36) PRIMARY KEY, municipality_code VARCHAR(6) NOT NULL,"
                + " name VARCHAR(100), amount DECIMAL(20,4), direction VARCHAR(20), password_hash VARCHAR(100),"
                + " version BIGINT NOT NULL)");
        sql("CREATE TABLE test_target (id VARCHAR(36) PRIMARY KEY, plan_id VARCHAR(36) NOT NULL REFERENCES test_plan(id),"
                + " fiscal_year INT, target_value DECIMAL(20,4))");

        RelationalDescriptor plan = new RelationalDescriptor();
        plan.setJavaClass(Plan.class);
        plan.setTableName("TEST_PLAN");
        plan.setPrimaryKeyFieldName("TEST_PLAN.ID");
        plan.addDirectMapping("id", "TEST_PLAN.ID");
        plan.addDirectMapping("name", "TEST_PLAN.NAME");
        plan.addDirectMapping("amount", "TEST_PLAN.AMOUNT");
        DirectToFieldMapping direction = new DirectToFieldMapping();
        direction.setAttributeName("direction");
        direction.setFieldName("TEST_PLAN.DIRECTION");
        direction.setConverter(new EnumTypeConverter(direction, Direction.class, false));
        plan.addMapping(direction);
        plan.addDirectMapping("passwordHash", "TEST_PLAN.PASSWORD_HASH");
        plan.addDirectMapping("version", "TEST_PLAN.VERSION");
        plan.useVersionLocking("TEST_PLAN.VERSION", false);
        OneToManyMapping targets = new OneToManyMapping();
        targets.setAttributeName("targets");
        targets.setReferenceClass(Target.class);
        targets.useTransparentList(); // lazy, as JPA maps a one-to-many
        targets.addTargetForeignKeyFieldName("TEST_TARGET.PLAN_ID", "TEST_PLAN.ID");
        targets.privateOwnedRelationship();
        targets.setMappedBy("plan");
        plan.addMapping(targets);
        SingleTableMultitenantPolicy tenancy = new SingleTableMultitenantPolicy(plan);
        tenancy.addTenantDiscriminatorField("machi.municipality", new DatabaseField("TEST_PLAN.MUNICIPALITY_CODE"));
        plan.setMultitenantPolicy(tenancy);

        RelationalDescriptor target = new RelationalDescriptor();
        target.setJavaClass(Target.class);
        target.setTableName("TEST_TARGET");
        target.setPrimaryKeyFieldName("TEST_TARGET.ID");
        target.addDirectMapping("id", "TEST_TARGET.ID");
        OneToOneMapping back = new OneToOneMapping();
        back.setAttributeName("plan");
        back.setReferenceClass(Plan.class);
        back.dontUseIndirection();
        back.addForeignKeyFieldName("TEST_TARGET.PLAN_ID", "TEST_PLAN.ID");
        target.addMapping(back);
        target.addDirectMapping("fiscalYear", "TEST_TARGET.FISCAL_YEAR");
        target.addDirectMapping("target", "TEST_TARGET.TARGET_VALUE");

        DatabaseLogin login = new DatabaseLogin();
        login.setPlatform(new H2Platform());
        login.setDriverClassName("org.h2.Driver");
        login.setConnectionString(URL);
        login.setUserName("");
        login.setPassword("");
        Project project = new Project(login);
        project.addDescriptor(plan);
        project.addDescriptor(target);
        session = project.createDatabaseSession();
        session.setLogLevel(SessionLog.WARNING);
        session.setProperty("machi.municipality", LG);
        new AuditTrailCustomizer().customize(session);
        session.login();
    }

    @AfterAll
    static void logout() {
        if (session != null) {
            session.logout();
        }
    }

    @BeforeEach
    @AfterEach
    void empty() throws SQLException {
        sql("DELETE FROM audit_event");
        sql("DELETE FROM change_log");
        sql("DELETE FROM change_stamp");
        sql("DELETE FROM test_target");
        sql("DELETE FROM test_plan");
        session.getIdentityMapAccessor().initializeAllIdentityMaps();
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    record Event(String action, String entityType, String entityId, String municipality, String actorId,
            String actorName, String actorMethod, JsonObject changes) {
    }

    static List<Event> events() throws SQLException {
        List<Event> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT action, entity_type, entity_id, municipality_code, actor_id,"
                        + " actor_name, actor_method, COALESCE(changes_inline, changes) FROM audit_event ORDER BY seq")) {
            while (r.next()) {
                JsonObject changes;
                try (var reader = Json.createReader(new StringReader(r.getString(8)))) {
                    changes = reader.readObject();
                }
                out.add(new Event(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), changes));
            }
        }
        return out;
    }

    static long count(String table) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    private static Plan create() {
        UnitOfWork uow = session.acquireUnitOfWork();
        Plan p = new Plan("p1", "協働事業", new BigDecimal("55"));
        p.passwordHash = "pbkdf2$secret";
        uow.registerNewObject(p);
        uow.registerNewObject(p.add("t2020", 2020, "55"));
        uow.registerNewObject(p.add("t2021", 2021, "100"));
        uow.commit();
        return p;
    }

    @Test
    void creatingAnOwnerWithItsRowsIsOneEventHoldingTheRows() throws SQLException {
        create();
        List<Event> events = events();
        assertEquals(1, events.size(), events::toString);
        Event e = events.get(0);
        assertEquals("CREATE", e.action());
        assertEquals("Plan", e.entityType());
        assertEquals("p1", e.entityId());
        assertEquals(json("{\"after\":{\"name\":\"協働事業\",\"amount\":55,\"direction\":\"HIGHER_IS_BETTER\","
                + "\"passwordHash\":\"***\",\"targets\":[{\"fiscalYear\":2020,\"target\":55},"
                + "{\"fiscalYear\":2021,\"target\":100}]}}"), e.changes());
    }

    @Test
    void changingAttributesAndRowsIsOneUpdateWithBeforeAndAfter() throws SQLException {
        create();
        sql("DELETE FROM audit_event");
        UnitOfWork uow = session.acquireUnitOfWork();
        Plan p = (Plan) uow.readObject(Plan.class);
        p.name = "協働事業件数";
        p.amount = new BigDecimal("55.0000");
        Target t2021 = p.targets.stream().filter(t -> t.fiscalYear == 2021).findFirst().orElseThrow();
        t2021.target = new BigDecimal("110");
        Target t2020 = p.targets.stream().filter(t -> t.fiscalYear == 2020).findFirst().orElseThrow();
        p.targets.remove(t2020);
        uow.registerNewObject(p.add("t2022", 2022, "105"));
        uow.commit();

        List<Event> events = events();
        assertEquals(1, events.size(), events::toString);
        assertEquals("UPDATE", events.get(0).action());
        assertEquals(json("{\"before\":{\"name\":\"協働事業\",\"targets\":[{\"fiscalYear\":2020,\"target\":55},"
                + "{\"fiscalYear\":2021,\"target\":100}]},"
                + "\"after\":{\"name\":\"協働事業件数\",\"targets\":[{\"fiscalYear\":2021,\"target\":110},"
                + "{\"fiscalYear\":2022,\"target\":105}]}}"), events.get(0).changes());
        assertEquals(2, count("test_target"));
    }

    @Test
    void changingOnlyAnOwnedRowIsAnUpdateOfItsOwner() throws SQLException {
        create();
        sql("DELETE FROM audit_event");
        UnitOfWork uow = session.acquireUnitOfWork();
        Target t = (Target) uow.readObject(Target.class,
                new org.eclipse.persistence.expressions.ExpressionBuilder().get("fiscalYear").equal(2020));
        t.target = null;
        uow.commit();

        List<Event> events = events();
        assertEquals(1, events.size(), events::toString);
        Event e = events.get(0);
        assertEquals("UPDATE", e.action());
        assertEquals("Plan", e.entityType());
        assertEquals("p1", e.entityId());
        assertEquals(LG, e.municipality());
        assertEquals(json("{\"before\":{\"targets\":[{\"fiscalYear\":2020,\"target\":55},{\"fiscalYear\":2021,\"target\":100}]},"
                + "\"after\":{\"targets\":[{\"fiscalYear\":2020,\"target\":null},{\"fiscalYear\":2021,\"target\":100}]}}"),
                e.changes());
    }

    @Test
    void deletingTheOwnerIsOneDeleteWithItsLastValuesAndRows() throws SQLException {
        create();
        sql("DELETE FROM audit_event");
        // Rows never loaded: EclipseLink deletes them with one statement, raising no events of theirs.
        session.getIdentityMapAccessor().initializeAllIdentityMaps();
        UnitOfWork uow = session.acquireUnitOfWork();
        uow.deleteObject(uow.readObject(Plan.class));
        uow.commit();

        List<Event> events = events();
        assertEquals(1, events.size(), events::toString);
        assertEquals("DELETE", events.get(0).action());
        assertEquals(json("{\"before\":{\"name\":\"協働事業\",\"amount\":55,\"direction\":\"HIGHER_IS_BETTER\","
                + "\"passwordHash\":\"***\",\"targets\":[{\"fiscalYear\":2020,\"target\":55},"
                + "{\"fiscalYear\":2021,\"target\":100}]}}"), events.get(0).changes());
        assertEquals(0, count("test_target"));
    }

    @Test
    void aChangedSecretIsRecordedAsChangedWithoutItsValues() throws SQLException {
        create();
        sql("DELETE FROM audit_event");
        UnitOfWork uow = session.acquireUnitOfWork();
        ((Plan) uow.readObject(Plan.class)).passwordHash = "pbkdf2$other";
        uow.commit();
        JsonObject changes = events().get(0).changes();
        assertEquals(json("{\"before\":{\"passwordHash\":\"***\"},\"after\":{\"passwordHash\":\"***\"}}"), changes);
    }

    @Test
    void rewritingANumberWithAnotherScaleRecordsNothing() throws SQLException {
        create();
        sql("DELETE FROM audit_event");
        UnitOfWork uow = session.acquireUnitOfWork();
        ((Plan) uow.readObject(Plan.class)).amount = new BigDecimal("55.0000");
        uow.commit();
        assertEquals(List.of(), events());
    }

    @Test
    void theCallerIsTheActorAndNobodyIsAnonymous() throws SQLException {
        Caller alice = new Caller("u-1", "alice", Role.STAFF, LG, null, Caller.Method.PASSWORD);
        CallerContext.runAs(alice, AuditRecorderTest::create);
        UnitOfWork uow = session.acquireUnitOfWork();
        ((Plan) uow.readObject(Plan.class)).name = "x";
        uow.commit();
        List<Event> events = events();
        assertEquals(List.of("u-1", "alice", "PASSWORD", LG),
                List.of(events.get(0).actorId(), events.get(0).actorName(), events.get(0).actorMethod(),
                        events.get(0).municipality()));
        assertEquals(List.of("anonymous", "anonymous", "ANONYMOUS"),
                List.of(events.get(1).actorId(), events.get(1).actorName(), events.get(1).actorMethod()));
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() throws SQLException {
        session.beginTransaction();
        try {
            create();
            UnitOfWork uow = session.acquireUnitOfWork();
            ((Plan) uow.readObject(Plan.class)).name = "x";
            uow.commit();
            // Inside the transaction both the change and its events are there ...
            java.util.Map<?, ?> row = (java.util.Map<?, ?>) session.executeSQL("SELECT COUNT(*) FROM audit_event").get(0);
            assertEquals(2, ((Number) row.values().iterator().next()).intValue());
        } finally {
            session.rollbackTransaction();
        }
        // ... and the rollback took both.
        assertEquals(0, count("test_plan"));
        assertEquals(0, count("audit_event"));
        assertEquals(0, count("change_log"));
    }

    @Test
    void everyCommittedChangeRaisesItsMunicipalitysChangeStamp() throws SQLException {
        create();
        assertEquals(1, count("change_log"), "one row for the commit, whatever it wrote");
        UnitOfWork uow = session.acquireUnitOfWork();
        ((Plan) uow.readObject(Plan.class)).name = "x";
        uow.commit();
        assertEquals(2, count("change_log"));
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT DISTINCT municipality_code FROM change_log")) {
            r.next();
            assertEquals(LG, r.getString(1));
        }
        // A commit that changes nothing (the same number in another scale) is no change.
        uow = session.acquireUnitOfWork();
        ((Plan) uow.readObject(Plan.class)).amount = new BigDecimal("55.0000");
        uow.commit();
        assertEquals(2, count("change_log"));
    }

    @Test
    void aChangeWhoseEventCannotBeWrittenIsNotCommitted() throws SQLException {
        sql("ALTER TABLE audit_event RENAME TO audit_event_away");
        try {
            assertThrows(RuntimeException.class, AuditRecorderTest::create);
        } finally {
            sql("ALTER TABLE audit_event_away RENAME TO audit_event");
        }
        assertEquals(0, count("test_plan"));
        assertEquals(0, count("test_target"));
        assertTrue(events().isEmpty());
        session.getIdentityMapAccessor().initializeAllIdentityMaps();
        assertNull(session.readObject(Plan.class));
        assertFalse(count("audit_event") > 0);
    }
}
