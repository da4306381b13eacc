package org.jqsi.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The posting lists' union and galloping intersection, against sets, on lists of very different lengths. */
class WordIndexListsTest {

    @Test
    void unionAndIntersectionAreThoseOfSets() {
        Random random = new Random(5);
        for (int n = 0; n < 1_000; n++) {
            int[] a = list(random, random.nextInt(50), 1 + random.nextInt(400));
            int[] b = list(random, random.nextInt(2_000), 1 + random.nextInt(4_000));
            TreeSet<Integer> union = set(a);
            union.addAll(set(b));
            TreeSet<Integer> both = set(a);
            both.retainAll(set(b));
            assertThat(WordIndex.union(a, b)).containsExactly(union.stream().mapToInt(i -> i).toArray());
            int[] shorter = a.length <= b.length ? a : b;
            int[] longer = a.length <= b.length ? b : a;
            assertThat(WordIndex.intersection(shorter, longer)).containsExactly(
                    both.stream().mapToInt(i -> i).toArray());
        }
    }

    @Test
    void seekFindsTheFirstValueAtLeastTheOneSought() {
        int[] list = {2, 4, 6, 8, 10, 12, 14, 16, 18, 20};
        for (int from = 0; from <= list.length; from++) {
            for (int value = 0; value <= 22; value++) {
                int start = from;
                int target = value;
                int expected = IntStream.range(start, list.length).filter(i -> list[i] >= target).findFirst()
                        .orElse(list.length);
                assertThat(WordIndex.seek(list, from, value)).as("from %d, value %d", from, value)
                        .isEqualTo(expected);
            }
        }
    }

    private static int[] list(Random random, int size, int range) {
        return random.ints(size, 0, range).sorted().distinct().toArray();
    }

    private static TreeSet<Integer> set(int[] list) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int value : list) {
            set.add(value);
        }
        return set;
    }
}
