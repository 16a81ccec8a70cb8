package com.twork.points.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The MariaDB driver's data source seen as a plain {@link DataSource}. Payara picks a pool's transaction kind
 * from the class it is given: the driver's own class is also an {@code XADataSource}, which would make every
 * transaction XA (XA START/END/PREPARE/COMMIT round trips) for a single database; this one gets local
 * transactions. Payara sets {@code url}, {@code user} and {@code password} through the setters.
 */
public class MariaDbLocalDataSource implements DataSource {
    static final int LOCK_WAIT_SECONDS = 10;
    private String url;
    private String user;
    private String password;
    private volatile MariaDbDataSource delegate;

    public void setUrl(String url) {
        this.url = url;
        this.delegate = null;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
        this.delegate = null;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
        this.delegate = null;
    }

    private MariaDbDataSource delegate() throws SQLException {
        MariaDbDataSource current = delegate;
        if (current == null) {
            current = new MariaDbDataSource(withSessionDefaults(url));
            if (user != null) {
                current.setUser(user);
            }
            if (password != null) {
                current.setPassword(password);
            }
            delegate = current;
        }
        return current;
    }

    /**
     * Adds the session variables every connection needs, each unless the URL sets its own:
     *
     * <ul>
     *   <li>{@code innodb_lock_wait_timeout=10}: a use case that cannot get a row lock within 10 s gives up and is
     *       retried (then answered 503) instead of holding a request for 50 s;
     *   <li>{@code lc_messages=en_US}: at COMMIT a Galera certification failure reaches us only as MariaDB's message
     *       text (decision 85), so the messages are English whatever the server's default language.
     * </ul>
     */
    static String withSessionDefaults(String url) {
        if (url == null) {
            return null;
        }
        String result = url;
        for (String variable : List.of("innodb_lock_wait_timeout=" + LOCK_WAIT_SECONDS, "lc_messages=en_US")) {
            if (!url.contains(variable.substring(0, variable.indexOf('=')))) {
                result = withSessionVariable(result, variable);
            }
        }
        return result;
    }

    private static String withSessionVariable(String url, String variable) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url + "?sessionVariables=" + variable;
        }
        int existing = url.indexOf("sessionVariables=", query);
        if (existing < 0) {
            return url + "&sessionVariables=" + variable;
        }
        int valueStart = existing + "sessionVariables=".length();
        return url.substring(0, valueStart) + variable + "," + url.substring(valueStart);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return delegate().getConnection(username, pass);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("MariaDB's driver logs through its own logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}
