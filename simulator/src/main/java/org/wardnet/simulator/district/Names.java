package org.wardnet.simulator.district;

import java.util.List;
import java.util.Random;
import org.wardnet.core.registry.RoomKind;

/** Plausible names for the district's substations and rooms. */
final class Names {

    static final List<String> SUBSTATIONS = List.of("Gulou", "Ximen", "Wangchun", "Baiyun", "Duantang",
            "Jiangxia", "Yueshu", "Nanmen");

    private static final List<String> PLACES = List.of("Lakeside", "Maple", "Riverside", "Garden", "Harbour",
            "Orchid", "Willow", "Sunrise", "Pine", "Jade", "Lotus", "Bamboo", "Crane", "Osmanthus", "Camellia",
            "Golden", "Silver", "East Gate", "West Gate", "Moon Lake", "Tianyi", "Heyi", "Zhongshan", "Liuting");

    private Names() {
    }

    static String room(RoomKind kind, Random random, int number) {
        String place = PLACES.get(random.nextInt(PLACES.size()));
        return switch (kind) {
            case RESIDENTIAL_ESTATE -> place + " Residential Estate, Phase " + (1 + random.nextInt(4));
            case COMMERCIAL_DISTRICT -> place + " Commercial Plaza";
            case BANK -> place + " Sub-branch No. " + number + ", Commercial Bank";
            case SCHOOL -> place + (random.nextBoolean() ? " Primary School" : " Middle School");
            case HOSPITAL -> place + " Hospital";
            case INSTITUTION -> place + " Sub-district Office";
            case OTHER -> place + " Car Park";
        };
    }
}
