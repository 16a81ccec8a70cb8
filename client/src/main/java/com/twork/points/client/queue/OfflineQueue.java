package com.twork.points.client.queue;

import com.twork.points.client.PointsClient;
import com.twork.points.client.PointsClientException;
import com.twork.points.client.SyncItemResult;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
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

    private final PointsClient client;
    private final QueueFile file;
    private final RetryPolicy policy;
    private final List<QueueListener> listeners;
    private final Clock clock;
    private final RandomGenerator random;
    private final ReplaySchedule schedule;

    private final ReentrantLock stateLock = new ReentrantLock();
    private final ReentrantLock replayLock = new ReentrantLock();
    private QueueState state;
    private int batchSize;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final QueueTotals totals = new QueueTotals();
    private final BatchSettlement settlement;

    private OfflineQueue(Builder builder, QueueFile file, QueueState state) {
        this.client = builder.client;
        this.file = file;
        this.policy = builder.policy;
        this.listeners = List.copyOf(builder.listeners);
        this.clock = builder.clock;
        this.random = builder.random;
        this.batchSize = builder.batchSize;
        this.state = state;
        this.settlement = new BatchSettlement(policy, random, listeners, totals);
        this.schedule = ReplaySchedule.on(builder.scheduler, clock);
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
                totals.alreadyQueued.incrementAndGet();
                return EnqueueResult.ALREADY_QUEUED;
            }
            if (state.holdsDeadLetter(transaction.id())) {
                totals.alreadyQueued.incrementAndGet();
                return EnqueueResult.ALREADY_DEAD_LETTERED;
            }
            List<QueueState.Entry> pending = new ArrayList<>(state.pending());
            pending.add(new QueueState.Entry(transaction, clock.instant(), 0, Optional.empty(), Optional.empty()));
            commit(state.withPending(pending));
            totals.enqueued.incrementAndGet();
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
                totals.retried.addAndGet(count);
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
            totals.discarded.incrementAndGet();
            return true;
        } finally {
            stateLock.unlock();
        }
    }

    public QueueCounters counters() {
        stateLock.lock();
        try {
            return totals.with(state);
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
            schedule.execute(() -> {
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
        schedule.start();
        scheduleNext();
    }

    private ReplayReport replay(boolean ignoreBackoff) {
        replayLock.lock();
        try {
            BatchSettlement.Tally tally = new BatchSettlement.Tally();
            boolean first = true;
            while (true) {
                Optional<SyncBatch> batch = nextBatch(ignoreBackoff && first);
                first = false;
                if (batch.isEmpty()) {
                    break;
                }
                totals.batchesSent.incrementAndGet();
                boolean goOn;
                try {
                    List<SyncItemResult> results = batch.get()
                            .matched(client.sync(
                                    batch.get().request(), batch.get().key()));
                    goOn = settle(state -> settlement.answered(state, batch.get(), results, clock.instant(), tally));
                } catch (PointsClientException e) {
                    goOn = settle(state -> settlement.failed(state, batch.get(), e, clock.instant(), tally));
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
    private Optional<SyncBatch> nextBatch(boolean ignoreBackoff) {
        stateLock.lock();
        try {
            if (closed.get() || state.pending().isEmpty()) {
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
                return Optional.of(new SyncBatch(unsettled.get(), entries));
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
            return Optional.of(new SyncBatch(key, entries));
        } finally {
            stateLock.unlock();
        }
    }

    /** Writes what the settlement decided, then tells the listeners; true when the replay may go on. */
    private boolean settle(Function<QueueState, BatchSettlement.Outcome> decision) {
        BatchSettlement.Outcome outcome;
        stateLock.lock();
        try {
            outcome = decision.apply(state);
            outcome.batchSize().ifPresent(smaller -> batchSize = smaller);
            commit(outcome.next());
        } finally {
            stateLock.unlock();
        }
        outcome.events().forEach(this::notifySafely);
        return outcome.goOn();
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
        schedule.plan(when, this::automaticRun);
    }

    private void automaticRun() {
        try {
            replayDue();
            scheduleNext();
        } catch (RuntimeException e) {
            // E.g. the disk is full: the state on disk is intact; try again after the longest backoff, not in a loop.
            LOG.log(System.Logger.Level.WARNING, "Automatic replay failed; trying again later", e);
            if (!closed.get()) {
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
        if (closed.get()) {
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
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        schedule.stop();
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
