package org.haochaping.casework;

/** How the case was handled (GB/T 39046: 1 window, 2 PC online, 3 mobile, 4 post). */
public enum HandlingForm {
    WINDOW, PC, MOBILE, POST, OTHER
}
