package com.twork.points.incontainer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Plain SQL on the application's own data source, for in-container tests to set up and check data. */
final class ContainerSql {
    private ContainerSql() {}

    static Connection connection() throws NamingException, SQLException {
        return InitialContext.<DataSource>doLookup("java:app/jdbc/twork").getConnection();
    }

    static long count(String sql, Object... parameters) throws NamingException, SQLException {
        return Long.parseLong(text(sql, parameters));
    }

    static String text(String sql, Object... parameters) throws NamingException, SQLException {
        try (Connection connection = connection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    static void update(String sql, Object... parameters) throws NamingException, SQLException {
        try (Connection connection = connection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
