package fundexchange.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRunnerTest {
    /** How long a test waits for what must happen: a guard against a hang, never a timing assumption. */
    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void runsTheCyclesOnItsOwnThreadTellingTheIdleStrategyEachWorkCount() throws Exception {
        ScriptedAgent agent = new ScriptedAgent("scripted", () -> 2, () -> 0, () -> 1, () -> 0);
        try (AgentRunner runner = agent.runner(false)) {
            assertSame(runner, runner.start());
            agent.awaitPlayed();
            assertTrue(runner.running());
        }
        assertEquals(List.of("start on scripted", "work", "work", "work", "work", "work", "close on scripted"),
                agent.calls);
        assertEquals(List.of(2, 0, 1, 0, 0), agent.workCounts, "the last 0 is the cycle that waited for the close");
        assertEquals(List.of(), agent.alarms);
    }

    @Test
    void closeReturnsOnlyOnceTheAgentIsClosedOnItsThread() throws Exception {
        ScriptedAgent agent = new ScriptedAgent("joined");
        AgentRunner runner = agent.runner(false).start();
        agent.awaitPlayed();
        runner.close();
        assertEquals("close on joined", agent.calls.getLast());
        assertTrue(runner.awaitClosed(Duration.ZERO));
        assertFalse(runner.running());
    }

    @Test
    void startAndCloseAreIdempotent() throws Exception {
        ScriptedAgent agent = new ScriptedAgent("twice");
        AgentRunner runner = agent.runner(false);
        runner.start();
        runner.start();
        agent.awaitPlayed();
        runner.close();
        runner.close();
        assertEquals(List.of("start on twice", "work", "close on twice"), agent.calls);
        assertThrows(IllegalStateException.class, runner::start, "a closed runner never starts again");
        assertEquals(List.of("start on twice", "work", "close on twice"), agent.calls);
    }

    @Test
    void aRunnerClosedBeforeItStartedClosesItsAgentOnTheCallerAndNeverStarts() {
        ScriptedAgent agent = new ScriptedAgent("unstarted");
        AgentRunner runner = agent.runner(false);
        runner.close();
        runner.close();
        assertEquals(List.of("close on " + Thread.currentThread().getName()), agent.calls);
        assertTrue(runner.awaitClosed(Duration.ZERO));
        assertThrows(IllegalStateException.class, runner::start);
        assertEquals(List.of("close on " + Thread.currentThread().getName()), agent.calls);
    }

    @Test
    void anUnexpectedExceptionRaisesTheAlarmOnceThenClosesTheAgent() {
        IllegalStateException boom = new IllegalStateException("boom");
        ScriptedAgent agent = new ScriptedAgent("halting", () -> 1, () -> {
            throw boom;
        }, () -> 1);
        try (AgentRunner runner = agent.runner(false).start()) {
            assertTrue(runner.awaitClosed(HANG_GUARD));
            assertFalse(runner.running(), "a halted agent does no further cycle");
        }
        assertEquals(List.of(boom), agent.alarms);
        assertEquals(List.of("start on halting", "work", "work", "close on halting"), agent.calls);
        assertEquals(List.of(1), agent.workCounts, "the failed cycle never reaches the idle strategy");
    }

    @Test
    void anErrorHaltsLikeAnyUnexpectedException() {
        StackOverflowError error = new StackOverflowError("synthetic");
        ScriptedAgent agent = new ScriptedAgent("erring", () -> {
            throw error;
        });
        try (AgentRunner runner = agent.runner(false).start()) {
            assertTrue(runner.awaitClosed(HANG_GUARD));
        }
        assertEquals(List.of(error), agent.alarms);
        assertEquals(List.of("start on erring", "work", "close on erring"), agent.calls);
    }

    @Test
    void aFailedStartHaltsBeforeAnyWorkAndStillCloses() {
        ScriptedAgent agent = new ScriptedAgent("refusing", () -> 1);
        agent.startFailure = new IllegalStateException("replay differs");
        try (AgentRunner runner = agent.runner(false).start()) {
            assertTrue(runner.awaitClosed(HANG_GUARD));
        }
        assertEquals(List.of(agent.startFailure), agent.alarms);
        assertEquals(List.of("start on refusing", "close on refusing"), agent.calls);
    }

    @Test
    void aFailedCloseRaisesTheAlarmUnlessTheAgentHaltedAlready() throws Exception {
        ScriptedAgent closing = new ScriptedAgent("closing");
        closing.closeFailure = new IllegalStateException("writer close failed");
        AgentRunner closed = closing.runner(false).start();
        closing.awaitPlayed();
        closed.close();
        assertEquals(List.of(closing.closeFailure), closing.alarms);

        IllegalStateException first = new IllegalStateException("first");
        ScriptedAgent halted = new ScriptedAgent("halted-then-closing", () -> {
            throw first;
        });
        halted.closeFailure = new IllegalStateException("close failed too");
        try (AgentRunner runner = halted.runner(false).start()) {
            assertTrue(runner.awaitClosed(HANG_GUARD));
        }
        assertEquals(List.of(first), halted.alarms, "one alarm per halt");
    }

    @Test
    void anInterruptEndsTheCycleQuietly() {
        ScriptedAgent agent = new ScriptedAgent("interrupted", () -> {
            throw new InterruptedException();
        }, () -> 1);
        try (AgentRunner runner = agent.runner(false).start()) {
            assertTrue(runner.awaitClosed(HANG_GUARD));
        }
        assertEquals(List.of(), agent.alarms);
        assertEquals(List.of("start on interrupted", "work", "close on interrupted"), agent.calls);
    }

    @Test
    void aFailingAlarmStillLetsTheAgentClose() {
        IllegalStateException boom = new IllegalStateException("boom");
        ScriptedAgent agent = new ScriptedAgent("alarm-failing", () -> {
            throw boom;
        });
        try (AgentRunner runner = new AgentRunner(agent, agent.idle, cause -> {
            throw new IllegalStateException("the alarm's log is down");
        }, HANG_GUARD, false).start()) {
            assertTrue(runner.awaitClosed(HANG_GUARD));
        }
        assertEquals(List.of("start on alarm-failing", "work", "close on alarm-failing"), agent.calls);
        assertEquals("the alarm's log is down", boom.getSuppressed()[0].getMessage());
    }

    @Test
    void theThreadIsADaemonOnlyWhenAsked() throws Exception {
        for (boolean daemon : new boolean[] {true, false}) {
            ScriptedAgent agent = new ScriptedAgent("daemon-" + daemon);
            AgentRunner runner = agent.runner(daemon).start();
            agent.awaitPlayed();
            runner.close();
            assertEquals(daemon, agent.ranOnDaemonThread());
        }
    }
}
