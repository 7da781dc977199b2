package jp.machi.core.identity.user.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.user.application.UserAccountService.NewAccount;
import jp.machi.core.identity.user.domain.Logins;
import jp.machi.core.identity.user.domain.PasswordRules;
import jp.machi.core.module.ModulesStarted;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first way in. On a start with an empty user store:
 * <ul>
 *   <li>{@code MACHI_ADMIN_USER} and {@code MACHI_ADMIN_PASSWORD} set: that platform administrator
 *       is created, if the password keeps the rules (otherwise the log says which it breaks and
 *       nothing is created);</li>
 *   <li>{@code MACHI_DEMO=true}: the demo accounts of the README, all with the published password
 *       {@value #DEMO_PASSWORD}, for the demo municipalities that exist;</li>
 *   <li>neither: nobody can sign in, and the log says how to change that.</li>
 * </ul>
 * A store that has accounts is never touched: these variables do not reset a forgotten password.
 * Runs after the demo data ({@code @Priority} 200 against its 100), whose municipalities the demo
 * accounts belong to.
 */
@ApplicationScoped
public class InitialAccounts {

    /** Printed in the README; only ever used when MACHI_DEMO=true. */
    public static final String DEMO_PASSWORD = "machi-demo-2025";

    private static final Logger LOG = Logger.getLogger(InitialAccounts.class.getName());

    /** The demo accounts: login, name, role, municipality, unit (by its Japanese name). */
    record DemoAccount(String login, String displayName, Role role, String municipality, String unitNameJa) {
    }

    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("demo-admin", "デモ プラットフォーム管理者", Role.PLATFORM_ADMIN, null, null),
            new DemoAccount("tsukuba-admin", "デモ つくば市 団体管理者", Role.MUNICIPALITY_ADMIN, "082201", null),
            new DemoAccount("tsukuba-staff", "デモ つくば市 広報戦略課 職員", Role.STAFF, "082201", "広報戦略課"),
            new DemoAccount("tsukuba-viewer", "デモ つくば市 閲覧者", Role.VIEWER, "082201", null),
            new DemoAccount("suzaka-staff", "デモ 須坂市 職員", Role.STAFF, "202070", null));

    @Inject
    @ConfigProperty(name = "machi.admin.user")
    Optional<String> adminUser;

    @Inject
    @ConfigProperty(name = "machi.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "machi.demo", defaultValue = "false")
    boolean demo;

    @Inject
    UserAccountService accounts;

    @Inject
    Creator creator;

    void onStart(@Observes @Priority(200) ModulesStarted started) {
        try {
            createIfEmpty();
        } catch (RuntimeException e) {
            // Another instance starting on the same database may have won the race; it is in the log either way.
            LOG.log(Level.WARNING, "The first accounts were not created here: " + e.getMessage(), e);
        }
    }

    private void createIfEmpty() {
        if (!accounts.isEmpty()) {
            if (adminUser.filter(s -> !s.isBlank()).isPresent()) {
                LOG.info("MACHI_ADMIN_USER is set, but the user store already has accounts: nothing created");
            }
            return;
        }
        boolean created = false;
        String user = adminUser.map(String::strip).orElse("");
        String password = adminPassword.orElse("");
        if (!user.isEmpty() || !password.isEmpty()) {
            created = createAdministrator(user, password);
        }
        if (demo) {
            for (DemoAccount d : DEMO_ACCOUNTS) {
                try {
                    created |= creator.demo(d);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Demo account " + d.login() + " not created: " + e.getMessage(), e);
                }
            }
            LOG.warning(() -> "MACHI_DEMO=true: the demo accounts (" + DEMO_ACCOUNTS.stream().map(DemoAccount::login).toList()
                    + ") sign in with the published password " + DEMO_PASSWORD + ". Never run demo mode with real data.");
        }
        if (!created) {
            LOG.warning("Nobody can sign in: the user store is empty. Set MACHI_ADMIN_USER and MACHI_ADMIN_PASSWORD"
                    + " (a password of at least " + PasswordRules.MIN_LENGTH + " characters) and restart to create"
                    + " the first platform administrator.");
        }
    }

    private boolean createAdministrator(String user, String password) {
        String login = Logins.normalize(user);
        if (!Logins.isValid(login)) {
            LOG.severe("MACHI_ADMIN_USER is not a valid login (2-100 of a-z, 0-9, . _ @ + -): no administrator created");
            return false;
        }
        List<PasswordRules.Violation> broken = PasswordRules.check(password, login);
        if (!broken.isEmpty()) {
            LOG.severe(() -> "MACHI_ADMIN_PASSWORD is refused (" + String.join(", ", broken.stream()
                    .map(v -> jp.machi.core.i18n.Messages.get(java.util.Locale.ENGLISH, v.key(), v.args())).toList())
                    + "): no administrator created");
            return false;
        }
        creator.administrator(login, password);
        LOG.info(() -> "Created the first platform administrator \"" + login + "\" from MACHI_ADMIN_USER");
        return true;
    }

    /** Each account in a transaction of its own, bound to its municipality for the unit lookup. */
    @ApplicationScoped
    public static class Creator {

        @Inject
        UserAccountService accounts;

        @Inject
        MunicipalityService municipalities;

        @Inject
        Tenancy tenancy;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void administrator(String login, String password) {
            accounts.create(new NewAccount(login, login, null, Role.PLATFORM_ADMIN, null, null, password));
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean demo(DemoAccount d) {
            if (d.municipality() != null && municipalities.find(d.municipality()).isEmpty()) {
                return false;
            }
            UUID unit = null;
            if (d.unitNameJa() != null) {
                unit = tenancy.bind(d.municipality())
                        .createQuery("SELECT u FROM OrganizationUnit u WHERE u.nameJa = :name", OrganizationUnit.class)
                        .setParameter("name", d.unitNameJa()).getResultStream().findFirst()
                        .map(OrganizationUnit::getId).orElse(null);
            }
            accounts.create(new NewAccount(d.login(), d.displayName(), null, d.role(), d.municipality(), unit,
                    DEMO_PASSWORD));
            return true;
        }
    }
}
