package com.acme.shop.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcsTest {

    @Test
    void groupsThreadsByNameWithoutTheirNumber() {
        assertEquals("reactor-http-epoll", Procs.group("reactor-http-epoll-3"));
        assertEquals("parallel", Procs.group("parallel-12"));
        assertEquals("C2 CompilerThre", Procs.group("C2 CompilerThre"));
        assertEquals("VM Thread", Procs.group("VM Thread"));
    }

    @Test
    void readsThisProcesssMemoryAndCpu() {
        long pid = ProcessHandle.current().pid();
        assertTrue(Procs.rssBytes(pid) > 1024 * 1024);
        Map<String, Long> threads = Procs.cpuMillisByThread(pid);
        assertTrue(threads.containsKey("main") || !threads.isEmpty(), threads.toString());
    }

    @Test
    void differenceKeepsGrowthLargestFirst() {
        Map<String, Long> diff = Procs.difference(Map.of("a", 10L, "b", 5L), Map.of("a", 12L, "b", 50L, "c", 1L));
        assertEquals(List.of("b", "a", "c"), List.copyOf(diff.keySet()));
        assertEquals(45L, diff.get("b"));
    }

}
