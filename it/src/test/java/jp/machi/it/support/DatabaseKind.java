package jp.machi.it.support;

/** The databases Machi runs on. */
public enum DatabaseKind {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String id;

    DatabaseKind(String id) {
        this.id = id;
    }

    /** As in {@code machi.it.db} and in directory names ({@code it/target/it-h2}). */
    public String id() {
        return id;
    }

    /** {@code it/target/it-<db>}: data directories and server logs of this database's run. */
    public java.nio.file.Path runDir() {
        return ItSettings.workDir().resolve("it-" + id);
    }
}
