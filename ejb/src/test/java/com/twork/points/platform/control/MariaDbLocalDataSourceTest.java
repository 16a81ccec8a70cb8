package com.twork.points.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The session variables every pooled connection gets, and that a URL's own settings win. */
class MariaDbLocalDataSourceTest {
    private static final String DEFAULTS = "lc_messages=en_US,innodb_lock_wait_timeout=10";

    @Test
    void aPlainUrlGetsBothSessionDefaults() {
        assertEquals(
                "jdbc:mariadb://127.0.0.1:3306/twork?sessionVariables=" + DEFAULTS,
                MariaDbLocalDataSource.withSessionDefaults("jdbc:mariadb://127.0.0.1:3306/twork"));
        assertNull(MariaDbLocalDataSource.withSessionDefaults(null));
    }

    @Test
    void otherParametersAndSessionVariablesAreKept() {
        assertEquals(
                "jdbc:mariadb://h/twork?useSsl=true&sessionVariables=" + DEFAULTS,
                MariaDbLocalDataSource.withSessionDefaults("jdbc:mariadb://h/twork?useSsl=true"));
        assertEquals(
                "jdbc:mariadb:sequential://a,b/twork?sessionVariables=lc_messages=en_US,innodb_lock_wait_timeout=10,"
                        + "wsrep_sync_wait=1",
                MariaDbLocalDataSource.withSessionDefaults(
                        "jdbc:mariadb:sequential://a,b/twork?sessionVariables=wsrep_sync_wait=1"));
    }

    @Test
    void aUrlThatSetsAVariableKeepsItsOwnValue() {
        assertEquals(
                "jdbc:mariadb://h/twork?sessionVariables=lc_messages=en_US,innodb_lock_wait_timeout=3",
                MariaDbLocalDataSource.withSessionDefaults(
                        "jdbc:mariadb://h/twork?sessionVariables=innodb_lock_wait_timeout=3"));
        assertEquals(
                "jdbc:mariadb://h/twork?sessionVariables=innodb_lock_wait_timeout=10,lc_messages=fr_FR",
                MariaDbLocalDataSource.withSessionDefaults(
                        "jdbc:mariadb://h/twork?sessionVariables=lc_messages=fr_FR"));
    }
}
