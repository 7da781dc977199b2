/** Persistence shared by all modules: tenant-owned rows, tenant-bound entity managers, migrations. */
package jp.machi.core.persistence;
