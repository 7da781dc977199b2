package jp.machi.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last line of defence: whatever a test forgot or could not stop (a crash, a timeout, Ctrl-C) is
 * stopped and dropped when the test JVM exits, so no server process or machi_it_* database
 * outlives the run. Servers go first, then databases.
 */
final class Cleanup {

    private static final Set<MachiServer> SERVERS = ConcurrentHashMap.newKeySet();
    private static final Set<TestDatabase> DATABASES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::run, "machi-it-cleanup"));
    }

    private Cleanup() {
    }

    static MachiServer register(MachiServer s) {
        SERVERS.add(s);
        return s;
    }

    static TestDatabase register(TestDatabase d) {
        DATABASES.add(d);
        return d;
    }

    static void forget(MachiServer s) {
        SERVERS.remove(s);
    }

    static void forget(TestDatabase d) {
        DATABASES.remove(d);
    }

    private static void run() {
        List<MachiServer> servers = new ArrayList<>(SERVERS);
        servers.forEach(MachiServer::kill);
        new ArrayList<>(DATABASES).forEach(TestDatabase::close);
    }
}
