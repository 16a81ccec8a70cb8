package com.twork.points.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For in-container (Arquillian) test classes: before Arquillian starts its Payara, makes sure the test database
 * runs and its address is written where that Payara reads it. JUnit extensions also run inside the deployment,
 * where the launcher classes do not exist; there this does nothing, and it names {@link SharedServer} only by
 * reflection so that the class itself still loads there.
 */
public final class ContainerDatabase implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws ReflectiveOperationException {
        if (System.getProperty("twork.it.war") == null) {
            return;
        }
        Class.forName("com.twork.points.it.SharedServer")
                .getMethod("prepareForArquillian")
                .invoke(null);
    }
}
