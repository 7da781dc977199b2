package jp.machi.core.module;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.machi.core.module.ModuleRegistry.ModuleState;
import jp.machi.core.module.ModuleRegistry.Status;
import jp.machi.core.persistence.Migrations;
import jp.machi.core.persistence.MachiDatabase;

/**
 * Start-up: discovers the module descriptors, resolves versions and dependencies, migrates core
 * and then each module in dependency order, and announces {@link ModulesStarted}. A module whose
 * migration fails is stopped alone, with the modules that require it; a failing core migration
 * leaves the deployment not ready.
 */
@Singleton
@Startup
public class ModuleStartup {

    /** JNDI name of Machi's datasource; the assembling WAR defines it ({@code MACHI_DB_JNDI} may name the server's instead). */
    public static final String DATASOURCE = "java:app/jdbc/machi";
    public static final String CORE_CHANGELOG = "db/machi/core/changelog.xml";

    private static final Logger LOG = Logger.getLogger(ModuleStartup.class.getName());

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @Inject
    @Any
    private Instance<ModuleDescriptor> descriptors;

    @Inject
    private ModuleRegistry registry;

    @Inject
    private Event<ModulesStarted> started;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        List<ModuleDescriptor> found = new ArrayList<>();
        descriptors.forEach(found::add);
        List<ModuleResolver.Outcome> outcomes = ModuleResolver.resolve(CoreVersion.get(), found);
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        List<ModuleState> states = new ArrayList<>();
        try (Migrations migrations = Migrations.begin(MachiDatabase.choose(dataSource))) {
            List<String> changelogs = new ArrayList<>();
            changelogs.add(CORE_CHANGELOG);
            outcomes.stream().filter(ModuleResolver.Outcome::startable).map(o -> o.descriptor().changelog())
                    .filter(c -> c != null).forEach(changelogs::add);
            String fingerprint = Migrations.fingerprint(changelogs, cl);
            boolean upToDate = migrations.upToDate(fingerprint);
            if (upToDate) {
                LOG.info("Database schema up to date (the changelogs and DATABASECHANGELOG are those of the last"
                        + " complete migration): Liquibase not run");
            } else {
                migrations.apply(CORE_CHANGELOG, cl);
            }
            boolean complete = true;
            Set<String> down = new HashSet<>();
            for (ModuleResolver.Outcome o : outcomes) {
                ModuleDescriptor d = o.descriptor();
                if (!o.startable()) {
                    states.add(new ModuleState(d, Status.NOT_STARTED, o.reason()));
                    down.add(d.id());
                    continue;
                }
                String lost = d.dependencies().stream().filter(ModuleDependency::required)
                        .map(ModuleDependency::moduleId).filter(down::contains).findFirst().orElse(null);
                if (lost != null) {
                    states.add(new ModuleState(d, Status.NOT_STARTED,
                            ModuleResolver.Reason.of("module.reason.dependencyNotStarted", lost)));
                    down.add(d.id());
                    continue;
                }
                try {
                    if (d.changelog() != null && !upToDate) {
                        migrations.apply(d.changelog(), cl);
                    }
                    states.add(new ModuleState(d, Status.STARTED, null));
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "Migration of module " + d.id() + " failed; the module is not started", e);
                    states.add(new ModuleState(d, Status.NOT_STARTED,
                            ModuleResolver.Reason.of("module.reason.migrationFailed", rootMessage(e))));
                    down.add(d.id());
                    complete = false;
                }
            }
            if (!upToDate && complete) {
                try {
                    migrations.recordUpToDate(fingerprint);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "Could not record the migration state; the next start runs Liquibase", e);
                }
            }
            registry.publish(states);
            List<String> ids = states.stream().filter(ModuleState::started).map(ModuleState::id).toList();
            try {
                started.fire(new ModulesStarted(ids));
            } catch (RuntimeException e) {
                // Work that follows start-up (demo data…) must not take the migrated platform down with it.
                LOG.log(Level.SEVERE, "A start-up observer failed; Machi runs without what it was doing", e);
            }
            registry.markReady();
            for (ModuleState s : states) {
                if (s.started()) {
                    LOG.info(() -> "Module " + s.id() + " " + s.descriptor().version() + " started");
                } else {
                    LOG.warning(() -> "Module " + s.id() + " not started: " + s.reason());
                }
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Machi could not migrate its database; it stays not ready", e);
            registry.publish(states);
            registry.markFailed(rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
