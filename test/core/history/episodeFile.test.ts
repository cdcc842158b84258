/** Reading the warehouse query's result: its header, its episodes, and every way a row is refused. */
import { parseCsv } from "../../../src/core/csv/csvParser";
import { analyzeEpisodes } from "../../../src/core/history/analysis";
import { EpisodeFile } from "../../../src/core/history/episodeFile";
import { inputError } from "../../helpers/inputError";

/** The file's text read through the CSV parser into an EpisodeFile. */
function read(text: string, options = {}) {
  const file = new EpisodeFile(options);
  for (const row of parseCsv([new TextEncoder().encode(text)]))
    file.row(row.fields, row.line, row.badQuoting);
  return file.result();
}

const HEADER = "client_id,level,episode_start,services,hours,amount\n";

describe("EpisodeFile", () => {
  test("episodes in, the analysis out, as analyzeEpisodes gives it; services counted as rows", () => {
    const result = read(`${HEADER}1,A,20089,3,1.5,150.25\n2,A,20100,1,.5,50\n1,B,20200,4,4,400.00\n`, {
      enrollees: 30,
    });
    expect(result.validRows).toBe(8);
    expect(result.analysis).toEqual(
      analyzeEpisodes(
        [
          { clientId: "1", level: "A", episodeStart: 20089, services: 3, hours: 1.5, amount: 150.25 },
          { clientId: "2", level: "A", episodeStart: 20100, services: 1, hours: 0.5, amount: 50 },
          { clientId: "1", level: "B", episodeStart: 20200, services: 4, hours: 4, amount: 400 },
        ],
        { hasAmount: true, enrollees: 30 },
      ),
    );
  });

  test("columns in any order and letter case (Snowflake's CLIENT_ID); amount blank or left out", () => {
    const upper = read("HOURS,LEVEL,CLIENT_ID,SERVICES,EPISODE_START,AMOUNT\n2,A,1,2,20089,\n");
    expect(upper.analysis.levels[0].averageHours).toBe(2);
    expect(upper.analysis).not.toHaveProperty("ratePerHour");
    const without = read("client_id,level,episode_start,services,hours\n1,A,20089,2,2\n");
    expect(without.analysis).toEqual(upper.analysis);
  });

  test.each([
    ["", "the file is empty; it needs a header row and episodes."],
    [HEADER, "the file has a header but no episodes."],
    [
      "client_id,level,services\n",
      "line 1: the header has no column episode_start, hours; it needs client_id, level, episode_start, services, hours, amount.",
    ],
    [`${HEADER}1,A,20089,3,1.5\n`, "line 2: 5 fields where the header has 6."],
    [`${HEADER}1,A,20089,3,1.5,1\n,A,20089,3,1.5,1\n`, "line 3: client_id is blank."],
    [`${HEADER}1, ,20089,3,1.5,1\n`, "line 2: level is blank."],
    [`${HEADER}1,A,20089,3,abc,1\n`, 'line 2: hours is "abc", not a number.'],
    [`${HEADER}1,A,20089,3,0,1\n`, "line 2: hours is 0; it must be above 0."],
    [`${HEADER}1,A,20089,2.5,1,1\n`, "line 2: services is 2.5; it must be a whole number of at least 1."],
    [`${HEADER}1,A,2025-01-01,2,1,1\n`, 'line 2: episode_start is "2025-01-01", not a number.'],
    [`${HEADER}1,A,20089,2,1,-1\n`, "line 2: amount is -1; it cannot be negative."],
    [`${HEADER}1,A,20089,2,1,1\n2,A,20089,2,1,\n`, "line 3: amount is blank, unlike the rows before it."],
    [
      `${HEADER}1,A,20089,2,1,\n2,A,20089,2,1,5\n`,
      "line 3: amount is given, unlike the rows before it, which leave it blank.",
    ],
    [
      `${HEADER}1,A,20089,2,1,1"0\n`,
      "line 2: a quote sits inside a field; quote the whole field or none of it.",
    ],
  ])("%j is refused", (text, message) => {
    expect(inputError(() => read(text)).message).toBe(message);
  });
});
