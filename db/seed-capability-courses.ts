import { inArray } from "drizzle-orm";
import { getDb } from "./client";
import { capabilities, courseCapabilities, courses } from "./schema";
import { courseSearchText } from "../lib/capability/course-search";
import type { CapabilityKind } from "../lib/capability/vocabulary";

/**
 * Demo data for the capability tool (issue 11): the training catalog. Nine courses across the three
 * kinds, each linked (by capability name, resolved through any merge) to capabilities the demo
 * roles need. Other parts look courses up by title: "Brake system diagnosis", "High-voltage vehicle
 * safety" and "Explaining an invoice" get quizzes.
 */

type SeedCourse = { title: string; kind: CapabilityKind; minutes: number; author: string; summary: string; content: string; builds: string[] };

const HR = "hr@example.com";
const MANAGER = "manager@example.com";

export const SEED_COURSES: SeedCourse[] = [
  {
    title: "Brake system diagnosis",
    kind: "technical",
    minutes: 90,
    author: HR,
    summary: "Find the real cause of a brake complaint: noise, judder, pull or a soft pedal, from road test to wear limits and the diagnostic tool.",
    builds: ["Wear limits for tyres and brakes under manufacturer rules and the periodic roadworthiness test (APK)", "Manufacturer diagnostic tool and guided fault finding"],
    content: `## Why this course
Most brake complaints arrive as a feeling: "it squeals", "the steering wheel shakes", "the pedal goes down further than before". Replacing pads and discs by default costs the customer money and does not always fix the fault. This course gives you a fixed order of checks so that the repair order names the cause.

## 1. Start with the complaint
- Read the advisor's notes on the repair order and ask them if anything is unclear.
- Note **when** it happens: cold or warm, light or hard braking, low or high speed.
- Check the service history in the DMS for recent brake work.

## 2. Road test
Drive the same route as the customer described where you can. Brake gently and firmly from 50 km/h and from 100 km/h on a safe road.

- **Judder in the steering wheel**: disc thickness variation, run-out after a wheel was fitted badly.
- **Pull to one side**: seized caliper slide pin, contaminated pad, tyre pressure.
- **Soft or long pedal**: air in the system, worn master cylinder, boiling fluid.
- **Squeal at low speed**: glazed pads, missing shims or paste.

## 3. On the lift
1. Measure pad thickness on **both** sides of every axle.
2. Measure disc thickness in three places and compare with the minimum stamped on the disc.
3. Check run-out with a dial gauge (manufacturer limit, usually 0.05 mm).
4. Check the slide pins move freely and the boots are intact.
5. Test the brake fluid boiling point; replace when it is below the manufacturer's value.

## 4. Electronic checks
Connect the manufacturer diagnostic tool. Read fault codes for ABS/ESP and the electronic parking brake, and follow the guided test for any stored code before replacing a sensor. Vehicles with an electric parking brake need the service mode before you retract the rear pistons.

## 5. Report it
Write your findings on the repair order in plain words the advisor can pass on: what you measured, the limit, and what you recommend. Take a photo of worn parts for the health check.`,
  },
  {
    title: "High-voltage vehicle safety",
    kind: "technical",
    minutes: 240,
    author: HR,
    summary: "The qualification for working on hybrid and electric vehicles: dangers of high voltage, making a vehicle safe, and who may do what. Valid for 24 months.",
    builds: ["Valid HV qualification for hybrid and electric work"],
    content: `## Who needs this
Everyone who works on or near the high-voltage (HV) system of a hybrid or electric vehicle. Without a **valid** qualification you may not de-energise a vehicle, open an orange cable connector or work on a battery. The qualification lapses after 24 months: refresh it in time.

## The danger
HV systems in cars run at 200–800 V DC. Direct current above 60 V can stop the heart, and an arc flash burns at thousands of degrees. The battery stays charged even when the vehicle is "off".

## Recognise HV parts
- All HV cables are **orange**.
- HV components carry a yellow warning label with a lightning symbol.
- Never cut, pierce or clamp an orange cable.

## Making the vehicle safe (de-energising)
1. Mark the vehicle with the HV warning sign and cordon off the work area.
2. Switch off the ignition and keep the key at least 5 metres away.
3. Disconnect the 12 V battery.
4. Remove the service disconnect (service plug) as the manufacturer describes, wearing insulated gloves tested for the day.
5. Wait the time the manufacturer gives for the capacitors to discharge.
6. **Verify zero voltage** with an approved two-pole tester: test the tester, measure, test the tester again.
7. Secure against reconnection: lock the service plug away and sign the lock-out tag.

## Personal protective equipment
Insulated gloves (class 0, checked for holes by rolling them up before each use), face shield, and non-conductive tools. Take off rings and watches.

## After a collision
Treat a damaged HV vehicle as live. Do not touch it until a qualified person has checked it. A damaged battery can catch fire hours or days later: park it outside, away from buildings.`,
  },
  {
    title: "Explaining an invoice",
    kind: "customer",
    minutes: 30,
    author: HR,
    summary: "Walk a customer through their invoice line by line: labour, parts, fluids and sundries, and what was agreed beforehand.",
    builds: ["Reading labour and parts lines on a DMS invoice", "Presenting costs confidently and handling price objections"],
    content: `## The goal
A customer who understands the invoice pays without a bad feeling and comes back. Most complaints about price are really complaints about surprise.

## How an invoice is built
- **Labour**: the labour code, the standard time for the job (not the time the technician took) and the hourly rate.
- **Parts**: part number, description, quantity and unit price. Original parts carry the brand's warranty.
- **Fluids**: oil, coolant and brake fluid are charged by the litre.
- **Sundries**: a small fixed charge for cleaning materials and waste disposal.
- **VAT** is shown separately.

## Walking through it
1. Start with what was done and why, in one sentence.
2. Go through the lines in the order of the work, not the order of the printout.
3. Point out the estimate the customer approved and any extra work they agreed by phone (the call is logged on the repair order).
4. Show the old parts if the customer wants to see them.

## When the customer says it is too expensive
- Listen to the end; do not defend the price straight away.
- Acknowledge: "I understand it is more than you hoped."
- Explain the value: original parts, warranty on the work, the safety item that was fixed.
- If something was not agreed, do not argue: call your supervisor. Goodwill is their decision.`,
  },
  {
    title: "Handling an angry customer",
    kind: "interpersonal",
    minutes: 60,
    author: MANAGER,
    summary: "Stay calm, listen, and turn an angry conversation into an agreed next step, at the counter or on the phone.",
    builds: ["Calming upset customers and de-escalation", "Handling escalated, emotional complaints"],
    content: `## Why customers get angry
Their car is how they get to work and pick up their children. When it is late, costs more than expected, or the fault comes back, it is personal. The anger is rarely about you.

## The LEAP steps
1. **Listen** without interrupting. Let the customer finish, even if you already know the answer.
2. **Empathise**: name the feeling. "I can hear how frustrating it is to have the light come back on after two days."
3. **Ask** questions to understand what they need now: the car back today, a loan car, an explanation.
4. **Propose** a concrete next step with a time: "I will speak to the foreman and call you back before 3 pm."

## Things that make it worse
- Saying "calm down" or "that is our policy".
- Blaming a colleague or the manufacturer.
- Promising something you cannot decide (free repairs, goodwill).

## When to hand over
If the customer threatens, shouts for more than a few minutes, or asks for compensation, bring in the service manager. Write down what was said on the customer's record so nobody has to ask again.

## Practise
Pair up with a colleague and take turns with the three cases on the back-office board: the late car, the returning fault, and the invoice surprise.`,
  },
  {
    title: "The brand's service plans",
    kind: "customer",
    minutes: 40,
    author: MANAGER,
    summary: "What the brand's service plans cover, service intervals per model, and how to explain which plan suits a customer.",
    builds: ["Service intervals and typical job times for the brand's models"],
    content: `## The three plans
- **Service Basic**: scheduled services at the brand's intervals, oil and filters. For private drivers with low mileage.
- **Service Plus**: Basic plus brake fluid, wiper blades and the yearly health check. For most private customers.
- **Service Complete**: Plus, wear parts (pads, discs, tyres up to a limit) and a loan car. For fleet and lease drivers.

Plans are paid monthly and stay with the car when it is sold.

## Intervals
Petrol and diesel models: every 30,000 km or 2 years. Hybrids: every 15,000 km or 1 year (the HV system check). Electric models: every 2 years, with a cabin filter and brake fluid change.

## Explaining a plan
- Ask how many kilometres the customer drives a year and how long they plan to keep the car.
- Show what the next three services would cost without a plan.
- Never push: a plan that does not fit the customer leads to a cancellation and a bad review.

## In the DMS
The plan shows on the vehicle record. Jobs covered by the plan are invoiced to the plan account, not to the customer: check the plan before you write the estimate.`,
  },
  {
    title: "Safe lifting and lifting points",
    kind: "technical",
    minutes: 30,
    author: HR,
    summary: "Use the workshop's two-post and four-post lifts safely and find the manufacturer's lifting points on every model.",
    builds: ["Safe lift operation and manufacturer lifting points"],
    content: `## Before you lift
- Check the lift's inspection sticker is in date. If not, do not use it and tell the foreman.
- Clear the area under and around the lift.
- Know the vehicle's weight: some electric SUVs weigh more than 2.5 tonnes.

## Lifting points
Use **only** the lifting points in the manufacturer's repair portal. On electric vehicles, lifting under the battery pack can damage it and cause a fire later. Use the correct adapters and rubber pads.

## Lifting
1. Raise the vehicle until the wheels just leave the ground.
2. Shake the vehicle gently at the front and back to check it is stable.
3. Raise to working height and lock the lift.

## Lowering
Remove tools and stands, warn colleagues, and lower slowly while you watch the vehicle.`,
  },
  {
    title: "Electrical fault finding with wiring diagrams",
    kind: "technical",
    minutes: 120,
    author: HR,
    summary: "Read the brand's wiring diagrams and use a multimeter and oscilloscope to find open circuits, shorts and bad grounds.",
    builds: ["Wiring diagrams, multimeter and oscilloscope"],
    content: `## A method, not a guess
Replacing a control unit because a code points at it is expensive and often wrong. Most electrical faults are in the wiring, connectors and grounds.

## Reading the diagram
- Find the component, its fuse and its ground in the diagram.
- Note connector numbers and pin numbers: they match the labels on the car.
- Follow the wire colours; the legend is at the bottom of each page.

## Measuring
1. **Voltage drop** under load is more useful than resistance: more than 0.5 V across a ground means a bad connection.
2. Check the supply at the component with the circuit working.
3. Use the oscilloscope for sensor signals: a crank sensor pattern shows a missing tooth or a weak signal a multimeter cannot.

## Intermittent faults
Wiggle test the harness while you watch the live data. Look for corrosion in connectors near the wheels and under the battery.`,
  },
  {
    title: "Asking good questions at check-in",
    kind: "interpersonal",
    minutes: 45,
    author: HR,
    summary: "Open questions that pin down a fault at check-in and on the phone, so the technician finds it the first time.",
    builds: ["Asking open questions to pin down intermittent faults", "Active listening on the phone"],
    content: `## Why it matters
"It makes a noise" gives the technician nothing to go on. Two minutes of good questions at the counter save an hour of searching in the workshop.

## Open questions
- "When did you first notice it?"
- "What happens just before it starts?"
- "Where in the car does it seem to come from?"
- "Does it change with speed, braking or turning?"

## Listening
Repeat back what you heard in your own words: "So the noise starts after about ten minutes of driving, and only when you turn left?" The customer will correct you when you are wrong.

## Writing it down
Put the customer's words on the repair order in quotes, then your summary. Tick the box if the customer agreed to a road test with a technician.`,
  },
  {
    title: "Warranty, goodwill and consumer rights",
    kind: "customer",
    minutes: 50,
    author: HR,
    summary: "What the manufacturer's warranty, extended warranty and mobility guarantee cover, where consumer rights apply, and when goodwill is possible.",
    builds: ["Warranty, extended-warranty and mobility-guarantee conditions of the brand", "Consumer rights, warranty and goodwill conditions"],
    content: `## Manufacturer warranty
New vehicles carry the manufacturer's warranty for 2 years without a mileage limit; the HV battery is covered for 8 years or 160,000 km. The warranty covers manufacturing faults, not wear.

## Extended warranty and mobility guarantee
Extended warranty continues the cover for up to 5 years when the car was serviced at the brand's intervals. The mobility guarantee gives roadside help and a loan car; it renews with every service at an authorised workshop.

## Consumer rights
Independently of the warranty, a consumer may expect a car to be fit for use for a reasonable time. When a customer refers to their rights, do not argue: note it and involve the service manager.

## Goodwill
Goodwill is a contribution after the warranty has ended. It depends on the age, mileage and service history of the car. Advisors may not promise it: the service manager applies through the manufacturer's goodwill portal.`,
  },
];

/** Inserts the catalog, linking each course to the capabilities (by name) it builds. */
export function seedCourses(today: Date, personIds: Map<string, number>): void {
  void today;
  const db = getDb();
  const names = [...new Set(SEED_COURSES.flatMap((c) => c.builds.map((n) => n.toLowerCase())))];
  const rows = db
    .select({ key: capabilities.key, searchName: capabilities.searchName, into: capabilities.mergedIntoKey })
    .from(capabilities)
    .where(inArray(capabilities.searchName, names))
    .all();
  const byName = new Map<string, string[]>();
  for (const r of rows) byName.set(r.searchName, [...(byName.get(r.searchName) ?? []), r.into ?? r.key]);
  const now = new Date().toISOString();
  db.transaction((tx) => {
    for (const c of SEED_COURSES) {
      const id = tx
        .insert(courses)
        .values({
          title: c.title,
          kind: c.kind,
          summary: c.summary,
          content: c.content,
          estimatedMinutes: c.minutes,
          searchText: courseSearchText(c),
          authorId: personIds.get(c.author) ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: courses.id })
        .get().id;
      const keys = [...new Set(c.builds.flatMap((n) => byName.get(n.toLowerCase()) ?? []))];
      if (keys.length) tx.insert(courseCapabilities).values(keys.map((capabilityKey) => ({ courseId: id, capabilityKey }))).run();
    }
  });
}
