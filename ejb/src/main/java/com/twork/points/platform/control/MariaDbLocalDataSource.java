package com.twork.points.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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
            current = new MariaDbDataSource(url);
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
