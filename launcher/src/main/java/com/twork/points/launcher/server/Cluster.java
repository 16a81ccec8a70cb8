package com.twork.points.launcher.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Several Payara Micro instances on one database, members of one Payara data grid (Hazelcast, TCP member list on
 * loopback), behind HAProxy: what {@code ./twork cluster} runs and what ClusterIT tests. Every process it starts it
 * stops, by its process id.
 */
public final class Cluster implements AutoCloseable {
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final List<Instance> instances;
    private Haproxy balancer;

    /**
     * What to run: {@code properties} are every instance's deployment configuration (database, logs); each instance
     * gets its own work folder {@code work/sN} and log folder inside it.
     */
    public record Settings(
            Path payaraJar,
            Path war,
            Path work,
            Map<String, String> properties,
            int instances,
            String clusterName,
            int balancerPort) {}

    /** One instance: its name in the balancer and the grid, its ports, and its current process. */
    public static final class Instance {
        private final String name;
        private final int httpPort;
        private final int gridPort;
        private volatile PayaraServer server;

        Instance(String name, int httpPort, int gridPort) {
            this.name = name;
            this.httpPort = httpPort;
            this.gridPort = gridPort;
        }

        public String name() {
            return name;
        }

        public int httpPort() {
            return httpPort;
        }

        public int gridPort() {
            return gridPort;
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + httpPort;
        }

        /** The current process id (changes with every restart). */
        public long pid() {
            return server.pid();
        }

        public boolean isAlive() {
            return server != null && server.isAlive();
        }
    }

    private Cluster(Settings settings, List<Instance> instances) {
        this.settings = settings;
        this.instances = instances;
    }

    /** Starts every instance at once, waits until each is ready, then puts the balancer in front of them. */
    public static Cluster start(Settings settings) {
        List<Instance> instances = new ArrayList<>();
        for (int i = 1; i <= settings.instances(); i++) {
            instances.add(new Instance("s" + i, Ports.freePort(), Ports.freePort()));
        }
        Cluster cluster = new Cluster(settings, instances);
        try {
            for (Instance instance : instances) {
                cluster.launch(instance, settings.war());
            }
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (Instance instance : instances) {
                ready.add(CompletableFuture.runAsync(() -> instance.server.awaitReady()));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            List<Haproxy.Backend> backends = new ArrayList<>();
            for (Instance instance : instances) {
                backends.add(new Haproxy.Backend(instance.name(), PayaraServer.LOOPBACK, instance.httpPort()));
            }
            cluster.balancer = Haproxy.start(settings.work().resolve("haproxy"), settings.balancerPort(), backends);
            for (Instance instance : instances) {
                cluster.balancer.awaitStatus(instance.name(), "UP", UP_TIMEOUT);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void launch(Instance instance, Path war) {
        List<Integer> gridPorts = instances.stream().map(Instance::gridPort).toList();
        Path work = settings.work().resolve(instance.name());
        Map<String, String> properties = new HashMap<>(settings.properties());
        properties.putIfAbsent("twork.log.dir", work.resolve("logs").toString());
        PayaraServer.Options options = new PayaraServer.Options(
                        settings.payaraJar(), war, instance.httpPort(), work, properties, work.resolve("payara.log"))
                .inCluster(new PayaraServer.GridMembership(
                        settings.clusterName(),
                        instance.name(),
                        PayaraServer.LOOPBACK,
                        instance.gridPort(),
                        gridPorts));
        instance.server = PayaraServer.launch(options);
    }

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    public Instance instance(String name) {
        return instances.stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No instance " + name));
    }

    public Haproxy balancer() {
        return balancer;
    }

    /** SIGKILL by process id, as a crash would end it; the balancer finds out by its health check. */
    public void kill(String name) {
        Instance instance = instance(name);
        ProcessHandle.of(instance.pid()).ifPresent(process -> {
            process.destroyForcibly();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Instance " + name + " did not die within 30 s", e);
            }
        });
    }

    /** Starts a killed or stopped instance again on its ports with {@code war}, and waits until the balancer uses it. */
    public void restart(String name, Path war) {
        Instance instance = instance(name);
        launch(instance, war);
        instance.server.awaitReady();
        balancer.ready(name);
        balancer.awaitStatus(name, "UP", UP_TIMEOUT);
    }

    /**
     * One step of a rolling upgrade: the balancer stops sending {@code name} new requests, waits until it has
     * answered those it had, the instance stops gracefully (SIGTERM), and the new WAR starts in its place.
     */
    public void replace(String name, Path war) {
        Instance instance = instance(name);
        balancer.drain(name);
        balancer.awaitNoSessions(name, Duration.ofSeconds(60));
        instance.server.close();
        restart(name, war);
    }

    @Override
    public void close() {
        if (balancer != null) {
            balancer.close();
        }
        for (Instance instance : instances) {
            if (instance.server != null) {
                instance.server.close();
            }
        }
    }
}
