package com.twork.points.client.queue;

import com.twork.points.client.BadRequestException;
import com.twork.points.client.PointsApiException;
import com.twork.points.client.PointsClient;
import com.twork.points.client.PointsClientException;
import com.twork.points.client.PointsProtocolException;
import com.twork.points.client.SyncItem;
import com.twork.points.client.SyncItemResult;
import com.twork.points.client.SyncRequest;
import com.twork.points.client.SyncResult;
import com.twork.points.client.SyncStatus;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Point transactions kept on the device while the server cannot be reached, and replayed through
 * {@code POST /sync} once it can.
 *
 * <ul>
 *   <li>Every transaction has a deterministic id ({@code point-<client transaction id>}); adding one that is already
 *       waiting changes nothing. The id is sent as the sync item's id, which the server stores as
 *       {@code client_ref}: however often a transaction is replayed, it is in the ledger once.
 *   <li>The queue lives in one file, encrypted and authenticated (AES-256-GCM) and replaced atomically on every
 *       change, before the change is visible: {@link #enqueue} returns only once the transaction is on disk.
 *   <li>Replay sends one member's transactions per request ({@link Builder#batchSize}), in the order they were
 *       added, with an {@code Idempotency-Key} per batch. A batch that got no answer is resent unchanged with the
 *       same key, also after a restart.
 *   <li>Network failures, 5xx and 429 are retried with exponential backoff and full jitter ({@link RetryPolicy});
 *       the server's rejections go to the dead-letter list with its reason at once, and so does a transaction that
 *       reached the retry ceiling. Nothing is ever dropped: the caller inspects dead letters and retries or
 *       discards them.
 *   <li>Replay runs when the caller asks ({@link #replayNow}), when it signals connectivity
 *       ({@link #connectivityRestored}), and, after {@link #start}, by itself whenever transactions wait: right
 *       after {@link #enqueue} and at the end of each backoff.
 * </ul>
 *
 * Thread-safe. One queue per file: a second open of the same file (in this or another process) is refused.
 */
public final class OfflineQueue implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OfflineQueue.class.getName());
    private static final String BATCH_TOO_LARGE = "batch_too_large";

    private final PointsClient client;
    private final QueueFile file;
    private final RetryPolicy policy;
    private final List<QueueListener> listeners;
    private final Clock clock;
    private final RandomGenerator random;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;

    private final ReentrantLock stateLock = new ReentrantLock();
    private final ReentrantLock replayLock = new ReentrantLock();
    private QueueState state;
    private int batchSize;
    private volatile boolean closed;

    private final Object scheduleLock = new Object();
    private boolean automatic;
    private ScheduledFuture<?> scheduled;
    private Instant scheduledAt;
    private long generation;

    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong alreadyQueued = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong batchesSent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong backoffs = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    private OfflineQueue(Builder builder, QueueFile file, QueueState state) {
        this.client = builder.client;
        this.file = file;
        this.policy = builder.policy;
        this.listeners = List.copyOf(builder.listeners);
        this.clock = builder.clock;
        this.random = builder.random;
        this.batchSize = builder.batchSize;
        this.state = state;
        if (builder.scheduler != null) {
            this.scheduler = builder.scheduler;
            this.ownsScheduler = false;
        } else {
            this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "twork-points-offline-queue");
                thread.setDaemon(true);
                return thread;
            });
            this.ownsScheduler = true;
        }
    }

    /**
     * @param client the API client the queue replays through (its credentials must allow {@code POST /sync}: a
     *     write key or a staff session)
     * @param file the queue file (created on first change; a {@code .lock} and, briefly, a {@code .tmp} file live
     *     beside it)
     */
    public static Builder builder(PointsClient client, Path file, QueueKey key) {
        return new Builder(client, file, key);
    }

    // ---- the queue

    /**
     * Adds a transaction, durably. An id already waiting or dead-lettered is left as it is (no duplicate). Wakes the
     * automatic replay when it runs and no backoff is in force.
     */
    public EnqueueResult enqueue(QueuedTransaction transaction) {
        Objects.requireNonNull(transaction, "transaction");
        stateLock.lock();
        try {
            ensureOpen();
            if (state.holds(transaction.id())) {
                alreadyQueued.incrementAndGet();
                return EnqueueResult.ALREADY_QUEUED;
            }
            if (state.holdsDeadLetter(transaction.id())) {
                alreadyQueued.incrementAndGet();
                return EnqueueResult.ALREADY_DEAD_LETTERED;
            }
            List<QueueState.Entry> pending = new ArrayList<>(state.pending());
            pending.add(new QueueState.Entry(transaction, clock.instant(), 0, Optional.empty(), Optional.empty()));
            commit(state.withPending(pending));
            enqueued.incrementAndGet();
        } finally {
            stateLock.unlock();
        }
        scheduleNext();
        return EnqueueResult.QUEUED;
    }

    /** The transactions waiting, oldest first. */
    public List<QueuedTransaction> pending() {
        stateLock.lock();
        try {
            return state.pending().stream().map(QueueState.Entry::transaction).toList();
        } finally {
            stateLock.unlock();
        }
    }

    /** The transactions the queue stopped sending, with the reason, oldest first. */
    public List<DeadLetter> deadLetters() {
        stateLock.lock();
        try {
            return state.deadLetters();
        } finally {
            stateLock.unlock();
        }
    }

    /** Puts a dead letter back at the end of the queue with a fresh attempt count; false if there is no such id. */
    public boolean retryDeadLetter(String id) {
        return retryDeadLetters(Set.of(id)) == 1;
    }

    /** Puts every dead letter back in the queue; returns how many. */
    public int retryAllDeadLetters() {
        stateLock.lock();
        Set<String> ids;
        try {
            ids = state.deadLetters().stream().map(DeadLetter::id).collect(Collectors.toSet());
        } finally {
            stateLock.unlock();
        }
        return retryDeadLetters(ids);
    }

    private int retryDeadLetters(Set<String> ids) {
        int count = 0;
        stateLock.lock();
        try {
            ensureOpen();
            List<QueueState.Entry> pending = new ArrayList<>(state.pending());
            List<DeadLetter> letters = new ArrayList<>();
            for (DeadLetter letter : state.deadLetters()) {
                if (ids.contains(letter.id())) {
                    pending.add(new QueueState.Entry(
                            letter.transaction(), letter.queuedAt(), 0, Optional.empty(), Optional.empty()));
                    count++;
                } else {
                    letters.add(letter);
                }
            }
            if (count > 0) {
                commit(state.withPending(pending).withDeadLetters(letters));
                retried.addAndGet(count);
            }
        } finally {
            stateLock.unlock();
        }
        if (count > 0) {
            scheduleNext();
        }
        return count;
    }

    /** Removes a dead letter for good (the caller decided it must not reach the ledger); false if there is none. */
    public boolean discardDeadLetter(String id) {
        stateLock.lock();
        try {
            ensureOpen();
            List<DeadLetter> letters = state.deadLetters().stream()
                    .filter(letter -> !letter.id().equals(id))
                    .toList();
            if (letters.size() == state.deadLetters().size()) {
                return false;
            }
            commit(state.withDeadLetters(letters));
            discarded.incrementAndGet();
            return true;
        } finally {
            stateLock.unlock();
        }
    }

    public QueueCounters counters() {
        stateLock.lock();
        try {
            return new QueueCounters(
                    enqueued.get(),
                    alreadyQueued.get(),
                    applied.get(),
                    duplicates.get(),
                    batchesSent.get(),
                    failures.get(),
                    backoffs.get(),
                    deadLettered.get(),
                    retried.get(),
                    discarded.get(),
                    state.pending().size(),
                    state.deadLetters().size());
        } finally {
            stateLock.unlock();
        }
    }

    /** When the queue will next try by itself, while it backs off. */
    public Optional<Instant> nextAttemptAt() {
        stateLock.lock();
        try {
            return later(state.nextAttemptAt(), state.notBefore());
        } finally {
            stateLock.unlock();
        }
    }

    // ---- replay

    /**
     * Sends what waits now, in batches, until the queue is empty or an attempt fails; ignores the current backoff
     * but not a server's {@code Retry-After}. Runs on the calling thread (one replay at a time).
     */
    public ReplayReport replayNow() {
        return replay(true);
    }

    /** Like {@link #replayNow}, but only when no backoff is in force. */
    public ReplayReport replayDue() {
        return replay(false);
    }

    /**
     * The caller's signal that the network is back: a replay now (ignoring the backoff) on the queue's scheduler.
     * The future completes with its report.
     */
    public CompletableFuture<ReplayReport> connectivityRestored() {
        CompletableFuture<ReplayReport> done = new CompletableFuture<>();
        try {
            ensureOpen();
            scheduler.execute(() -> {
                try {
                    done.complete(replayNow());
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                } finally {
                    scheduleNext();
                }
            });
        } catch (RejectedExecutionException | IllegalStateException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * Replays by itself from now on, on the scheduler: whenever transactions wait and no backoff is in force (right
     * after {@link #enqueue}, at the end of every backoff), until {@link #close}.
     */
    public void start() {
        ensureOpen();
        synchronized (scheduleLock) {
            automatic = true;
        }
        scheduleNext();
    }

    private ReplayReport replay(boolean ignoreBackoff) {
        replayLock.lock();
        try {
            Tally tally = new Tally();
            boolean first = true;
            while (true) {
                Optional<Batch> batch = nextBatch(ignoreBackoff && first);
                first = false;
                if (batch.isEmpty()) {
                    break;
                }
                batchesSent.incrementAndGet();
                boolean goOn;
                try {
                    SyncResult result =
                            client.sync(batch.get().request(), batch.get().key());
                    settle(batch.get(), matched(batch.get(), result), tally);
                    goOn = true;
                } catch (PointsClientException e) {
                    goOn = failed(batch.get(), e, tally);
                }
                if (!goOn) {
                    break;
                }
            }
            stateLock.lock();
            try {
                return new ReplayReport(
                        tally.applied,
                        tally.duplicates,
                        tally.deadLettered,
                        tally.failedAttempts,
                        state.pending().size(),
                        later(state.nextAttemptAt(), state.notBefore()));
            } finally {
                stateLock.unlock();
            }
        } finally {
            replayLock.unlock();
        }
    }

    /** The batch to send: an unsettled one again (same items, same key), or the next items of the oldest member. */
    private Optional<Batch> nextBatch(boolean ignoreBackoff) {
        stateLock.lock();
        try {
            if (closed || state.pending().isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            if (state.notBefore().filter(now::isBefore).isPresent()) {
                return Optional.empty();
            }
            if (!ignoreBackoff && state.nextAttemptAt().filter(now::isBefore).isPresent()) {
                return Optional.empty();
            }
            Optional<String> unsettled = state.pending().stream()
                    .flatMap(entry -> entry.batchKey().stream())
                    .findFirst();
            if (unsettled.isPresent()) {
                List<QueueState.Entry> entries = state.pending().stream()
                        .filter(entry -> entry.batchKey().equals(unsettled))
                        .toList();
                return Optional.of(new Batch(unsettled.get(), entries));
            }
            long userId = state.pending().get(0).transaction().userId();
            String key = "twork-sync-" + UUID.randomUUID();
            List<QueueState.Entry> entries = new ArrayList<>();
            List<QueueState.Entry> pending = new ArrayList<>();
            for (QueueState.Entry entry : state.pending()) {
                if (entry.transaction().userId() == userId && entries.size() < batchSize) {
                    entry = entry.inBatch(key);
                    entries.add(entry);
                }
                pending.add(entry);
            }
            // The key is on disk before the request leaves: after a crash the same batch goes again with it.
            commit(state.withPending(pending));
            return Optional.of(new Batch(key, entries));
        } finally {
            stateLock.unlock();
        }
    }

    /** Pairs each item with its result; an answer that does not match the request is a protocol failure. */
    private static List<SyncItemResult> matched(Batch batch, SyncResult result) {
        List<SyncItemResult> results = result.results();
        boolean matches = results.size() == batch.entries().size();
        for (int i = 0; matches && i < results.size(); i++) {
            SyncItemResult item = results.get(i);
            matches = item.index() == i
                    && item.id().equals(Optional.of(batch.entries().get(i).id()));
        }
        if (!matches) {
            throw new PointsProtocolException(200, "The sync answer does not match the batch sent", null);
        }
        return results;
    }

    private void settle(Batch batch, List<SyncItemResult> results, Tally tally) {
        List<Runnable> events = new ArrayList<>();
        stateLock.lock();
        try {
            Instant now = clock.instant();
            Set<String> settled = batch.ids();
            List<DeadLetter> letters = new ArrayList<>(state.deadLetters());
            for (int i = 0; i < results.size(); i++) {
                QueueState.Entry entry = batch.entries().get(i);
                SyncItemResult result = results.get(i);
                int attempt = entry.attempts() + 1;
                if (result.status() == SyncStatus.APPLIED || result.status() == SyncStatus.DUPLICATE) {
                    boolean duplicate = result.status() == SyncStatus.DUPLICATE;
                    (duplicate ? duplicates : applied).incrementAndGet();
                    if (duplicate) {
                        tally.duplicates++;
                    } else {
                        tally.applied++;
                    }
                    QueueListener.Synced event = new QueueListener.Synced(
                            entry.transaction(),
                            result.status(),
                            result.transactionId().orElse(0),
                            attempt,
                            Messages.synced(entry.transaction(), duplicate));
                    events.add(() -> listeners.forEach(listener -> listener.onSuccess(event)));
                } else {
                    String message = result.message().orElse("Rejected by the server");
                    DeadLetter letter = new DeadLetter(
                            entry.transaction(),
                            entry.queuedAt(),
                            result.code().orElse(result.status().wire()),
                            message,
                            OptionalInt.empty(),
                            Map.of(),
                            attempt,
                            now);
                    letters.add(letter);
                    events.add(deadLetterEvent(letter, Messages.rejected(entry.transaction(), message), tally));
                }
            }
            List<QueueState.Entry> pending = state.pending().stream()
                    .filter(entry -> !settled.contains(entry.id()))
                    .toList();
            commit(new QueueState(pending, letters, 0, Optional.empty(), Optional.empty()));
        } finally {
            stateLock.unlock();
        }
        events.forEach(this::notifySafely);
    }

    /** Records a failed attempt; true when the replay may go on with the next batch. */
    private boolean failed(Batch batch, PointsClientException error, Tally tally) {
        failures.incrementAndGet();
        List<Runnable> events = new ArrayList<>();
        boolean goOn;
        stateLock.lock();
        try {
            Instant now = clock.instant();
            int attempt = batch.entries().stream()
                            .mapToInt(QueueState.Entry::attempts)
                            .max()
                            .orElse(0)
                    + 1;
            List<QueuedTransaction> sent =
                    batch.entries().stream().map(QueueState.Entry::transaction).toList();
            if (error instanceof BadRequestException tooLarge
                    && BATCH_TOO_LARGE.equals(tooLarge.code())
                    && batch.entries().size() > 1) {
                // The server's sync_batch_limit is lower than our batch size: send fewer at a time from now on.
                batchSize = Math.max(1, batch.entries().size() / 2);
                commit(state.withPending(state.pending().stream()
                        .map(entry -> batch.ids().contains(entry.id()) ? entry.outOfBatch() : entry)
                        .toList()));
                events.add(failureEvent(sent, attempt, error, true, "Sending fewer transactions at a time."));
                goOn = true;
            } else if (RetryPolicy.isRetryable(error)) {
                tally.failedAttempts++;
                goOn = false;
                retryLater(batch, error, attempt, sent, now, events, tally);
            } else {
                PointsApiException rejection = (PointsApiException) error;
                List<DeadLetter> letters = new ArrayList<>(state.deadLetters());
                events.add(failureEvent(
                        sent, attempt, error, false, Messages.failed(error, attempt, policy.maxAttempts(), false)));
                for (QueueState.Entry entry : batch.entries()) {
                    DeadLetter letter = new DeadLetter(
                            entry.transaction(),
                            entry.queuedAt(),
                            rejection.code(),
                            rejection.getMessage(),
                            OptionalInt.of(rejection.status()),
                            rejection.data(),
                            entry.attempts() + 1,
                            now);
                    letters.add(letter);
                    events.add(deadLetterEvent(
                            letter, Messages.rejected(entry.transaction(), rejection.getMessage()), tally));
                }
                List<QueueState.Entry> pending = state.pending().stream()
                        .filter(entry -> !batch.ids().contains(entry.id()))
                        .toList();
                // The server answered, so it is reachable: no backoff for the next batch.
                commit(new QueueState(pending, letters, 0, Optional.empty(), Optional.empty()));
                goOn = true;
            }
        } finally {
            stateLock.unlock();
        }
        events.forEach(this::notifySafely);
        return goOn;
    }

    /** Counts the attempt, gives up on transactions at the ceiling, and backs off. Caller holds the state lock. */
    private void retryLater(
            Batch batch,
            PointsClientException error,
            int attempt,
            List<QueuedTransaction> sent,
            Instant now,
            List<Runnable> events,
            Tally tally) {
        String errorText = error.getMessage();
        List<QueueState.Entry> pending = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>(state.deadLetters());
        List<Runnable> ceilingEvents = new ArrayList<>();
        for (QueueState.Entry entry : state.pending()) {
            if (!batch.ids().contains(entry.id())) {
                pending.add(entry);
                continue;
            }
            QueueState.Entry failed = entry.failed(errorText);
            if (failed.attempts() < policy.maxAttempts()) {
                pending.add(failed);
                continue;
            }
            DeadLetter letter = new DeadLetter(
                    failed.transaction(),
                    failed.queuedAt(),
                    DeadLetter.RETRY_CEILING_REACHED,
                    "Gave up after " + failed.attempts() + " attempts; last error: " + errorText,
                    OptionalInt.empty(),
                    error instanceof PointsApiException api ? api.data() : Map.of(),
                    failed.attempts(),
                    now);
            letters.add(letter);
            ceilingEvents.add(deadLetterEvent(letter, Messages.gaveUp(failed.transaction(), failed.attempts()), tally));
        }
        boolean anyLeft = pending.stream().anyMatch(entry -> batch.ids().contains(entry.id()));
        events.add(failureEvent(
                sent, attempt, error, anyLeft, Messages.failed(error, attempt, policy.maxAttempts(), anyLeft)));
        events.addAll(ceilingEvents);

        Optional<Duration> retryAfter = error instanceof PointsApiException api ? api.retryAfter() : Optional.empty();
        int consecutive = state.consecutiveFailures() + 1;
        Duration delay = policy.delay(consecutive, retryAfter, random);
        Instant next = now.plus(delay);
        Optional<Instant> notBefore = retryAfter.map(now::plus);
        commit(new QueueState(pending, letters, consecutive, Optional.of(next), notBefore));
        if (!pending.isEmpty()) {
            backoffs.incrementAndGet();
            QueueListener.BackoffScheduled event =
                    new QueueListener.BackoffScheduled(delay, next, consecutive, retryAfter, Messages.backoff(delay));
            events.add(() -> listeners.forEach(listener -> listener.onBackoff(event)));
        }
    }

    private Runnable failureEvent(
            List<QueuedTransaction> sent, int attempt, PointsClientException error, boolean willRetry, String message) {
        QueueListener.AttemptFailed event = new QueueListener.AttemptFailed(sent, attempt, error, willRetry, message);
        return () -> listeners.forEach(listener -> listener.onFailure(event));
    }

    private Runnable deadLetterEvent(DeadLetter letter, String message, Tally tally) {
        deadLettered.incrementAndGet();
        tally.deadLettered++;
        QueueListener.DeadLettered event = new QueueListener.DeadLettered(letter, message);
        return () -> listeners.forEach(listener -> listener.onDeadLetter(event));
    }

    private void notifySafely(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A queue listener failed; the queue goes on", e);
        }
    }

    // ---- automatic replay

    /** Plans the next automatic run: now if transactions wait and no backoff is in force, else at its end. */
    private void scheduleNext() {
        Optional<Instant> when;
        stateLock.lock();
        try {
            when = state.pending().isEmpty()
                    ? Optional.empty()
                    : Optional.of(later(Optional.of(clock.instant()), later(state.nextAttemptAt(), state.notBefore()))
                            .orElseThrow());
        } finally {
            stateLock.unlock();
        }
        when.ifPresent(this::scheduleAt);
    }

    private void scheduleAt(Instant when) {
        synchronized (scheduleLock) {
            if (!automatic || closed) {
                return;
            }
            if (scheduled != null && !scheduled.isDone() && !scheduledAt.isAfter(when)) {
                return; // an earlier run is already planned
            }
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            long run = ++generation;
            long delayMillis =
                    Math.max(0, Duration.between(clock.instant(), when).toMillis());
            try {
                scheduled = scheduler.schedule(() -> automaticRun(run), delayMillis, TimeUnit.MILLISECONDS);
                scheduledAt = when;
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "Scheduler shut down; automatic replay stops");
            }
        }
    }

    private void automaticRun(long run) {
        synchronized (scheduleLock) {
            if (run == generation) {
                scheduled = null; // this run is under way: plans made from now on are new ones
            }
        }
        try {
            replayDue();
            scheduleNext();
        } catch (RuntimeException e) {
            // E.g. the disk is full: the state on disk is intact; try again after the longest backoff, not in a loop.
            LOG.log(System.Logger.Level.WARNING, "Automatic replay failed; trying again later", e);
            if (!closed) {
                scheduleAt(clock.instant().plus(policy.maxDelay()));
            }
        }
    }

    // ---- plumbing

    private void commit(QueueState next) {
        file.write(QueueCodec.encode(next));
        state = next;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the offline queue is closed");
        }
    }

    private static Optional<Instant> later(Optional<Instant> one, Optional<Instant> other) {
        if (one.isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return one;
        }
        return Optional.of(one.get().isAfter(other.get()) ? one.get() : other.get());
    }

    /**
     * Stops the automatic replay, waits for a running replay to finish (at most the client's request timeout), and
     * releases the file. Everything is already on disk; reopening the file continues where this queue stopped.
     */
    @Override
    public void close() {
        synchronized (scheduleLock) {
            if (closed) {
                return;
            }
            closed = true;
            automatic = false;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
        if (ownsScheduler) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        replayLock.lock();
        try {
            file.close();
        } finally {
            replayLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "OfflineQueue[" + file.path() + "]";
    }

    /** One request's worth of one member's transactions and its idempotency key. */
    private record Batch(String key, List<QueueState.Entry> entries) {
        Set<String> ids() {
            return entries.stream().map(QueueState.Entry::id).collect(Collectors.toSet());
        }

        SyncRequest request() {
            return new SyncRequest(
                    entries.get(0).transaction().userId(),
                    entries.stream()
                            .map(entry -> item(entry.transaction(), entry.queuedAt()))
                            .toList());
        }

        private static SyncItem item(QueuedTransaction transaction, Instant queuedAt) {
            return new SyncItem(
                    transaction.id(),
                    transaction.type(),
                    transaction.points(),
                    transaction.description(),
                    transaction.orderId(),
                    transaction.expiresAt(),
                    Optional.of(queuedAt));
        }
    }

    private static final class Tally {
        int applied;
        int duplicates;
        int deadLettered;
        int failedAttempts;
    }

    /** Configures and opens an {@link OfflineQueue}. */
    public static final class Builder {
        private final PointsClient client;
        private final Path file;
        private final QueueKey key;
        private int batchSize = 100;
        private RetryPolicy policy = RetryPolicy.defaults();
        private final List<QueueListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new SecureRandom();
        private ScheduledExecutorService scheduler;
        private AtomicFiles.BeforeRename beforeRename = AtomicFiles.BeforeRename.NOTHING;

        private Builder(PointsClient client, Path file, QueueKey key) {
            this.client = Objects.requireNonNull(client, "client");
            this.file = Objects.requireNonNull(file, "file");
            this.key = Objects.requireNonNull(key, "key");
        }

        /** Transactions per sync request (default 100; keep it at most the server's {@code sync_batch_limit}). */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
            this.batchSize = size;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.policy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        /** Adds a telemetry listener (several may be added; each is called in order). */
        public Builder listener(QueueListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** The clock of backoff times and queue timestamps (tests pass one they move by hand). */
        public Builder clock(Clock queueClock) {
            this.clock = Objects.requireNonNull(queueClock);
            return this;
        }

        /** The source of the backoff jitter (tests pass a seeded one). */
        public Builder random(RandomGenerator jitter) {
            this.random = Objects.requireNonNull(jitter);
            return this;
        }

        /**
         * Your scheduler for the automatic replay and {@link OfflineQueue#connectivityRestored} (the queue cancels its
         * tasks on close but leaves the scheduler running). Without one the queue owns a single daemon thread.
         */
        public Builder scheduler(ScheduledExecutorService executor) {
            this.scheduler = Objects.requireNonNull(executor);
            return this;
        }

        /** Tests only: a crash point between writing the temporary file and renaming it. */
        Builder beforeRename(AtomicFiles.BeforeRename hook) {
            this.beforeRename = hook;
            return this;
        }

        /**
         * Opens the queue file (or starts an empty queue when there is none). A file that fails authentication is a
         * {@link QueueTamperedException}; a file already open elsewhere a {@link QueueStorageException}.
         */
        public OfflineQueue open() {
            QueueFile queueFile = QueueFile.open(file, key, beforeRename);
            try {
                QueueState state = queueFile.read().map(QueueCodec::decode).orElse(QueueState.EMPTY);
                return new OfflineQueue(this, queueFile, state);
            } catch (RuntimeException e) {
                queueFile.close();
                throw e;
            }
        }
    }
}
