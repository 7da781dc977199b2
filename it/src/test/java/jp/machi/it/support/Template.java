package jp.machi.it.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This test JVM's migrated database ({@link TestDatabase#migrated}): made once, on first use, by
 * booting {@code machi.jar} on a fresh database without a first administrator (so the user store
 * stays empty and no municipality exists) and stopping it. Claims of scheduled-job slots are then
 * removed, so that a copy's server runs its jobs from its first minute as a new server would. Kept
 * until the JVM exits ({@link Cleanup} drops it); a template that could not be made fails every later
 * use with the same reason, as the shared servers do.
 */
final class Template {

    private static TestDatabase template;
    private static Throwable failure;

    private Template() {
    }

    static synchronized TestDatabase get() {
        if (template == null && failure == null) {
            TestDatabase db = null;
            try {
                db = TestDatabase.fresh("template");
                MachiServer server = MachiServer.machiJar("template", db).without("MACHI_ADMIN_USER")
                        .without("MACHI_ADMIN_PASSWORD").start();
                List<ProcessHandle> jvms = server.handle().descendants().toList();
                server.stop();
                // The launcher ends after its server JVM, but H2's file must be closed before it is copied.
                for (ProcessHandle jvm : jvms) {
                    jvm.onExit().get(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
                }
                db.update("DELETE FROM scheduled_job_run");
                template = db;
            } catch (RuntimeException | AssertionError | ExecutionException | TimeoutException e) {
                failure = e;
                if (db != null) {
                    db.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            }
        }
        if (failure != null) {
            throw new AssertionError("The migrated template database could not be made: " + failure.getMessage(), failure);
        }
        return template;
    }
}
